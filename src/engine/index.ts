export { scan, replay, MIN_JUDGING_MS, type ScanHooks } from "./scan.ts";
export {
  scanRequest,
  DEFAULT_SETTINGS,
  type ScanRequest,
  type ScanRequestInput,
  type ScanSettings,
} from "./request.ts";
export type { ScanRuntime } from "./gather.ts";
export type { Report, ScanOutcome } from "./report.ts";
export type { ScanIssue } from "../core/index.ts";
export type { ProgressEvent } from "./progress.ts";
export { REPORT_SCHEMA_VERSION } from "./report.ts";
export { selectChecks, unknownPatterns } from "./plan.ts";
export {
  RECORDING_FORMAT,
  RECORDING_VERSION,
  toRecordingFile,
  type RecordedScan,
  type RecordingFile,
} from "./recording-file.ts";
export { planProbes } from "./plan.ts";
export { readRecordingFile } from "./recording-schema.ts";
export {
  applyIgnoreRules,
  expiredRules,
  type IgnoreRule,
  type SuppressedFinding,
  type Suppression,
} from "./suppress.ts";
