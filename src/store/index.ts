export { type BatchRecord, type ScanStore, type ScanSummary } from "./scan-store.ts";
export { SqliteScanStore } from "./sqlite-scan-store.ts";
export { PostgresScanStore } from "./postgres-scan-store.ts";
export { openStore, StoreError, storeKind } from "./open-store.ts";
export { newScanId, isScanId } from "./scan-id.ts";
export { SCAN_STATUSES, type ScanRecord, type ScanRequestOptions, type ScanStatus } from "./scan-record.ts";
