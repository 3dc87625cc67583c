import type { Finding } from "../core/index.ts";

/** What a scan reports while it runs: for the CLI's progress line and the web page's live view. */
export type ProgressEvent =
  | { type: "probe-start"; probe: string; title: string }
  | { type: "probe-end"; probe: string }
  | { type: "message"; message: string }
  | { type: "request"; sent: number; budget: number; url: string }
  | { type: "judging"; checks: number }
  | { type: "finding"; finding: Finding };
