import type { ScanLine } from "../../queue/index.ts";
import type { ScanRecord, ScanSummary } from "../../store/index.ts";
import type { Scan } from "./schemas.ts";
import type { SinceLastScan } from "./since-last-scan.ts";

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

/**
 * The API's view of a scan: the stored record plus what only the running queue knows; with the report,
 * `since` (when given) becomes the sinceLastScan field: null says there was nothing to compare with.
 */
export async function scanResource(
  scan: ScanRecord | ScanSummary,
  queue: ScanLine,
  includeReport: boolean,
  since?: SinceLastScan | null,
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
  if (includeReport && since !== undefined) resource.sinceLastScan = since && sinceLastScanField(since);
  return resource;
}

/** The comparison as the API shows it: each new and fixed finding by fingerprint, id, URL, severity, title. */
function sinceLastScanField(since: SinceLastScan): NonNullable<ScanResource["sinceLastScan"]> {
  const named = (entries: SinceLastScan["diff"]["added"]) =>
    entries.map(({ fingerprint, id, url, severity, title }) => ({ fingerprint, id, url, severity, title }));
  return {
    previousId: since.previous.id,
    previousFinishedAt: since.previous.finishedAt,
    latest: since.latest,
    comparedChecks: since.checks.length,
    sameChecks: since.sameChecks,
    new: named(since.diff.added),
    fixed: named(since.diff.fixed),
    unchanged: since.diff.unchanged.length,
  };
}
