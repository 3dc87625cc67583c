import type { Report } from "../../engine/index.ts";
import { isScanId, type ScanRecord, type ScanStore } from "../../store/index.ts";
import { HttpError } from "../server/index.ts";

/** The scan with this id, or a 404 (malformed ids never reach the database). */
export async function findScan(store: ScanStore, id: string): Promise<ScanRecord> {
  const scan = isScanId(id) ? await store.get(id) : undefined;
  if (!scan) throw new HttpError(404, "not_found", "No scan has this id.");
  return scan;
}

/** The scan and its finished report, or 409 while the scan is still waiting or running. */
export async function finishedScan(
  store: ScanStore,
  id: string,
): Promise<{ scan: ScanRecord; report: Report }> {
  const scan = await findScan(store, id);
  if (scan.status === "failed") throw new HttpError(409, "scan_failed", scan.error ?? "The scan failed.");
  if (!scan.report)
    throw new HttpError(409, "not_ready", `The scan is ${scan.status}; the report exists once it is done.`, {
      "retry-after": "2",
    });
  return { scan, report: scan.report };
}
