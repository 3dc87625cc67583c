export { scan, DEFAULT_TIMEOUT_MS, type ScanOptions } from "./scan.ts";
export type { Report, ScanIssue, ScanOutcome } from "./report.ts";
export type { ProgressEvent } from "./progress.ts";
export { REPORT_SCHEMA_VERSION } from "./report.ts";
export { selectChecks, unknownPatterns } from "./plan.ts";
