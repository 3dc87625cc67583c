export { ScanStore, type ScanSummary } from "./scan-store.ts";
export { newScanId, isScanId } from "./scan-id.ts";
export { SCAN_STATUSES, type ScanRecord, type ScanRequestOptions, type ScanStatus } from "./scan-record.ts";
