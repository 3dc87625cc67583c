import { SEVERITIES } from "../../core/index.ts";
import type { BatchSiteRecord } from "./batch-record.ts";

import type { BatchFormat } from "./formats.ts";

export type { BatchFormat };

/**
 * How a streamed format writes a batch: a header once, then one piece per finished site, so the output
 * grows as sites finish and a resumed batch can write it again from the state file. (SARIF is one
 * document and is written whole: batch-sarif.ts.)
 */
export interface StreamedFormat {
  header: string;
  site(record: BatchSiteRecord): string;
}

/** JSONL: each line is the site's record, exactly as the state file keeps it. */
export const JSONL: StreamedFormat = {
  header: "",
  site: (record) => `${JSON.stringify(record)}\n`,
};

const CSV_COLUMNS = [
  "url",
  "status",
  "grade",
  ...SEVERITIES.slice().reverse(),
  "finding_ids",
  "error",
  "requests",
  "duration_ms",
  "finished_at",
] as const;

/** CSV (RFC 4180): one row per site; finding ids joined with spaces, counts by severity in columns. */
export const CSV: StreamedFormat = {
  header: `${CSV_COLUMNS.join(",")}\r\n`,
  site(record) {
    const cells = [
      record.url,
      record.status,
      record.grade ?? "",
      ...SEVERITIES.slice()
        .reverse()
        .map((severity) => String(record.counts[severity] ?? 0)),
      [...new Set(record.findings.map((finding) => finding.id))].join(" "),
      record.error ?? "",
      String(record.requests),
      String(record.durationMs),
      record.finishedAt,
    ];
    return `${cells.map(csvCell).join(",")}\r\n`;
  },
};

/**
 * One CSV cell. Quoted when it holds a separator, quote or line break; and a cell that a spreadsheet
 * would run as a formula (=, +, -, @, tab, CR at the start: an error sentence can quote a target) gets a
 * leading apostrophe, so opening the file never runs what a site sent.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
