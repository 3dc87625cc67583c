/** Something the report should say about the scan itself: a limit hit, a part cut short, a failure. */
export interface ScanIssue {
  kind:
    | "budget"
    | "deadline"
    | "truncated"
    | "limit"
    | "unreachable"
    | "request-failed"
    | "check-error"
    | "probe-error";
  message: string;
  url?: string;
}
