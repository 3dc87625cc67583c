import type { ScanLine } from "../../queue/index.ts";
import { type BatchRecord, SCAN_STATUSES, type ScanStatus } from "../../store/index.ts";
import { scanResource } from "./scan-resource.ts";
import type { Batch } from "./schemas.ts";

export function batchLink(id: string): string {
  return `/api/v1/batches/${id}`;
}

/** The API's view of a batch: each site's scan as GET /api/v1/scans/:id shows it (no report), and counts. */
export async function batchResource(batch: BatchRecord, queue: ScanLine): Promise<Batch> {
  const counts = Object.fromEntries(SCAN_STATUSES.map((status) => [status, 0])) as Record<ScanStatus, number>;
  for (const scan of batch.scans) counts[scan.status]++;
  return {
    id: batch.id,
    createdAt: batch.createdAt,
    total: batch.scans.length,
    counts,
    scans: await Promise.all(batch.scans.map((scan) => scanResource(scan, queue, false))),
    links: { self: batchLink(batch.id) },
  };
}
