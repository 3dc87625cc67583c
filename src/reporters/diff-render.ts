import { SEVERITY_LABELS } from "./severity-chart.ts";
import { clip } from "../render/index.ts";
import { markdownCell as cell } from "./markdown-cell.ts";
import type { DiffEntry, ReportDiff } from "./report-diff.ts";
import { terminalSafe } from "./terminal.ts";

export const DIFF_FORMATS = ["text", "json", "markdown"] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** "2 new, 1 fixed, 10 unchanged": the line a pipeline log or a pull request shows first. */
function counts(diff: ReportDiff): string {
  return `${diff.added.length} new, ${diff.fixed.length} fixed, ${diff.unchanged.length} unchanged`;
}

function textLines(title: string, list: readonly DiffEntry[]): string[] {
  if (list.length === 0) return [];
  return [
    `${title}:`,
    ...list.map(
      (entry) =>
        `  ${SEVERITY_LABELS[entry.severity].padEnd(8)} ${terminalSafe(entry.id)}  ${terminalSafe(clip(entry.url, 200))}\n           ${terminalSafe(clip(entry.summary, 300))}`,
    ),
  ];
}

function markdownTable(title: string, list: readonly DiffEntry[]): string[] {
  if (list.length === 0) return [];
  return [
    `### ${title} (${list.length})`,
    "",
    "| Severity | Finding | URL |",
    "| --- | --- | --- |",
    ...list.map(
      (entry) =>
        `| ${SEVERITY_LABELS[entry.severity]} | ${cell(entry.title)} (\`${cell(entry.id, 80)}\`) | ${cell(entry.url, 200)} |`,
    ),
    "",
  ];
}

export function renderDiff(diff: ReportDiff, format: DiffFormat): string {
  switch (format) {
    case "json":
      return `${JSON.stringify({ summary: counts(diff), ...diff }, null, 2)}\n`;
    case "markdown":
      return [
        `## amihackable: ${counts(diff)}`,
        "",
        ...markdownTable("New", diff.added),
        ...markdownTable("Fixed", diff.fixed),
      ].join("\n");
    case "text":
      return `${[`amihackable diff: ${counts(diff)}`, ...textLines("New", diff.added), ...textLines("Fixed", diff.fixed)].join("\n")}\n`;
  }
}
