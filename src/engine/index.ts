export { scan, DEFAULT_TIMEOUT_MS, type ScanOptions } from "./scan.ts";
export type { Report, ScanOutcome } from "./report.ts";
export type { ScanIssue } from "../core/scan-issue.ts";
export type { ProgressEvent } from "./progress.ts";
export { REPORT_SCHEMA_VERSION } from "./report.ts";
export { selectChecks, unknownPatterns } from "./plan.ts";
