import type { BatchSiteRecord } from "./batch-record.ts";

/** What a finished (or stopped) batch amounts to; plain data, shown by the CLI, servable by the API. */
export interface BatchSummary {
  total: number;
  done: number;
  failed: number;
  /** Sites listed but not finished (an interrupted batch). */
  remaining: number;
  /** Sites per grade, best first; "partial" for scans without a grade. */
  grades: Array<{ grade: string; sites: number }>;
  /** Sites with a high or critical finding, worst first. */
  serious: Array<{ url: string; critical: number; high: number; grade: string | null }>;
  failures: Array<{ url: string; reason: string }>;
}

export function summariseBatch(records: readonly BatchSiteRecord[], total: number): BatchSummary {
  const byGrade = new Map<string, number>();
  for (const record of records)
    if (record.status === "done" && record.grade !== null)
      byGrade.set(record.grade, (byGrade.get(record.grade) ?? 0) + 1);
  const serious = records
    .filter((record) => record.counts.critical + record.counts.high > 0)
    .map((record) => ({
      url: record.url,
      critical: record.counts.critical,
      high: record.counts.high,
      grade: record.grade,
    }))
    .sort((a, b) => b.critical - a.critical || b.high - a.high || a.url.localeCompare(b.url));
  const failures = records
    .filter((record) => record.status === "failed")
    .map((record) => ({ url: record.url, reason: record.error ?? "The site could not be scanned." }));
  return {
    total,
    done: records.length - failures.length,
    failed: failures.length,
    remaining: Math.max(0, total - records.length),
    grades: [...byGrade]
      .sort(([a], [b]) => gradeOrder(a) - gradeOrder(b))
      .map(([grade, sites]) => ({ grade, sites })),
    serious,
    failures,
  };
}

/** Grades in the order a summary lists them: best first, then the scans without a grade. */
const GRADE_ORDER = ["A+", "A", "B", "C", "D", "F", "partial"];

function gradeOrder(grade: string): number {
  const index = GRADE_ORDER.indexOf(grade);
  return index < 0 ? GRADE_ORDER.length : index;
}

/** How many sites a section of the table names before it says how many more there are. */
const SHOWN = 20;

/**
 * The summary as plain-text tables. `safe` makes a target's text (URLs, failure sentences quoting a
 * server) harmless on a terminal.
 */
export function renderBatchSummary(summary: BatchSummary, safe: (text: string) => string): string {
  const lines: string[] = [];
  const finished = summary.done + summary.failed;
  lines.push(
    `Batch: ${finished} of ${summary.total} sites finished: ${summary.done} scanned, ${summary.failed} failed${summary.remaining > 0 ? `, ${summary.remaining} not scanned` : ""}.`,
  );
  if (summary.grades.length > 0) {
    lines.push("", "Grade    Sites");
    for (const { grade, sites } of summary.grades)
      lines.push(`${grade.padEnd(8)} ${String(sites).padStart(5)}`);
  }
  if (summary.serious.length > 0) {
    lines.push("", `Sites with high or critical findings (${summary.serious.length}):`);
    lines.push("Critical  High  Grade    Site");
    for (const site of summary.serious.slice(0, SHOWN))
      lines.push(
        `${String(site.critical).padStart(8)}  ${String(site.high).padStart(4)}  ${(site.grade ?? "?").padEnd(7)}  ${safe(site.url)}`,
      );
    if (summary.serious.length > SHOWN) lines.push(`… and ${summary.serious.length - SHOWN} more.`);
  } else if (summary.done > 0) lines.push("", "No site has a high or critical finding.");
  if (summary.failures.length > 0) {
    lines.push("", `Sites that could not be scanned (${summary.failures.length}):`);
    for (const failure of summary.failures.slice(0, SHOWN))
      lines.push(`  ${safe(failure.url)}: ${safe(failure.reason)}`);
    if (summary.failures.length > SHOWN) lines.push(`… and ${summary.failures.length - SHOWN} more.`);
  }
  return `${lines.join("\n")}\n`;
}
