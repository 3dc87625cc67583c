import type { ScanLine } from "../../queue/index.ts";
import type { ScanRecord, ScanSummary } from "../../store/index.ts";
import type { Scan } from "./schemas.ts";

/** Where everything about one scan lives; relative, so they hold behind any host name or proxy. */
export function scanLinks(id: string) {
  const api = `/api/v1/scans/${id}`;
  return {
    self: api,
    page: `/scans/${id}`,
    events: `${api}/events`,
    report: { json: `${api}/report.json`, sarif: `${api}/report.sarif`, html: `${api}/report.html` },
    badge: `${api}/badge.svg`,
  };
}

export type ScanResource = Scan;

/** The API's view of a scan: the stored record plus what only the running queue knows. */
export async function scanResource(
  scan: ScanRecord | ScanSummary,
  queue: ScanLine,
  includeReport: boolean,
): Promise<ScanResource> {
  const live = queue.live.get(scan.id);
  const waiting = scan.status === "queued" || scan.status === "interrupted";
  const resource: ScanResource = {
    id: scan.id,
    url: scan.url,
    status: scan.status,
    position: waiting ? await queue.position(scan.id) : null,
    createdAt: scan.createdAt,
    startedAt: scan.startedAt,
    finishedAt: scan.finishedAt,
    progress:
      scan.status === "running" && live?.progress
        ? {
            probe: live.progress.probe,
            title: live.progress.title,
            sent: live.progress.sent,
            budget: live.progress.budget,
          }
        : null,
    grade: scan.grade,
    error: scan.error,
    links: scanLinks(scan.id),
  };
  if (includeReport && "report" in scan && scan.report) resource.report = scan.report;
  return resource;
}
