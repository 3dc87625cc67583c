import type { ScanRecord, ScanStore } from "../../store/index.ts";
import { canCompare, compareReports, type ComparedReports } from "./compare-reports.ts";

/**
 * How many earlier done scans are tried, latest first, when the last ones cannot be compared (partial,
 * or limited to other checks). Each try reads one stored report, so this bounds the work of one page.
 */
export const COMPARISON_CANDIDATES = 3;

/** What changed since an earlier scan of the same URL: the page's "since the last scan" line and the API's field. */
export interface SinceLastScan extends ComparedReports {
  previous: { id: string; finishedAt: string };
  /** True when the scan compared with is the last done scan before this one, not an older one. */
  latest: boolean;
}

/**
 * For a done scan, the change since the latest earlier done scan of the same URL that it can be fairly
 * compared with (see compareReports), trying at most COMPARISON_CANDIDATES of them; undefined for a first
 * scan, a scan that is not done, or when none compares.
 */
export async function sinceLastScan(store: ScanStore, scan: ScanRecord): Promise<SinceLastScan | undefined> {
  const { report, finishedAt } = scan;
  if (scan.status !== "done" || !report || !finishedAt || !canCompare(report)) return undefined;
  const candidates = await store.previousDone(scan.url, new Date(finishedAt), COMPARISON_CANDIDATES);
  for (const [index, candidate] of candidates.entries()) {
    const previous = await store.get(candidate.id);
    if (!previous?.report || !previous.finishedAt) continue;
    const compared = compareReports(previous.report, report);
    if (compared)
      return {
        ...compared,
        previous: { id: previous.id, finishedAt: previous.finishedAt },
        latest: index === 0,
      };
  }
  return undefined;
}
