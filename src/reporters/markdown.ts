import { findingFingerprint, severityRank } from "../core/index.ts";
import type { Report } from "../engine/index.ts";
import { markdownCell as cell } from "./markdown-cell.ts";
import { SEVERITY_LABELS } from "./severity-chart.ts";

/** The findings a pull-request comment lists before it says "and N more". */
const TOP = 10;

/** Where a finding's Learn section is read in the project's documentation. */
const LEARN_BASE = "https://github.com/amihackable/amihackable/blob/main/learn/";

/**
 * `--format markdown`: a pull-request comment. The grade and counts first, then a table of the most
 * severe findings, each linked to its Learn section; the whole report is the JSON or HTML one.
 */
export function renderMarkdownReport(report: Report, newFindings?: ReadonlySet<string>): string {
  const target = cell(report.target.url, 200);
  if (report.outcome === "unreachable")
    return `## amihackable: ${target} could not be scanned\n\n${cell(report.failure ?? "The target could not be reached.", 400)}\n`;
  const { summary } = report;
  const counts = (["critical", "high", "medium", "low", "info"] as const)
    .map((severity) => `${summary.bySeverity[severity]} ${severity}`)
    .join(" · ");
  const grade =
    summary.grade === "partial"
      ? `partial (no grade: ${cell(summary.gradeWithheld ?? "", 200)})`
      : summary.grade;
  const lines = [
    `## amihackable: grade ${cell(grade, 300)} for ${target}`,
    "",
    `${summary.total} findings: ${counts}`,
    "",
  ];
  const top = [...report.findings]
    .sort((a, b) => severityRank(b.severity) - severityRank(a.severity))
    .slice(0, TOP);
  if (top.length > 0) {
    lines.push("| Severity | Finding | URL | Learn |", "| --- | --- | --- | --- |");
    for (const finding of top) {
      const [article, anchor] = finding.learn.split("#");
      const learn = article
        ? `[${cell(finding.id, 80)}](${LEARN_BASE}${encodeURIComponent(article)}.md${anchor ? `#${encodeURIComponent(finding.id)}` : ""})`
        : cell(finding.id, 80);
      const mark = newFindings?.has(findingFingerprint(finding)) ? "**new** " : "";
      lines.push(
        `| ${SEVERITY_LABELS[finding.severity]} | ${mark}${cell(finding.title)} | ${cell(finding.url, 200)} | ${learn} |`,
      );
    }
    if (report.findings.length > TOP)
      lines.push("", `… and ${report.findings.length - TOP} more in the full report.`);
  }
  const suppressed = report.suppressed ?? [];
  if (suppressed.length > 0) {
    lines.push(
      "",
      "<details><summary>" + `${suppressed.length} accepted (ignore entries)` + "</summary>",
      "",
    );
    lines.push("| Finding | URL | Reason |", "| --- | --- | --- |");
    for (const finding of suppressed)
      lines.push(
        `| ${cell(finding.title)} | ${cell(finding.url, 200)} | ${cell(finding.reason, 300)}${finding.expires ? ` (until ${finding.expires})` : ""} |`,
      );
    lines.push("", "</details>");
  }
  if (newFindings) {
    const fresh = report.findings.filter((finding) => newFindings.has(findingFingerprint(finding))).length;
    lines.splice(4, 0, `${fresh} new since the baseline.`, "");
  }
  return `${lines.join("\n")}\n`;
}
