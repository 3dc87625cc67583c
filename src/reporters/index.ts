import type { Report } from "../engine/index.ts";
import { findingFingerprint, type Severity } from "../core/index.ts";
import { renderHtml } from "./html.ts";
import { renderJunit } from "./junit.ts";
import { renderMarkdownReport } from "./markdown.ts";
import { renderJson } from "./json.ts";
import { renderSarif } from "./sarif.ts";
import { renderTerminal } from "./terminal.ts";

export const FORMATS = ["text", "json", "sarif", "html", "markdown", "junit"] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  color: boolean;
  /** The severity that fails the build: junit marks findings at or above it as failures. */
  failOn?: Severity;
  /** The fingerprints of an earlier report's findings (`--baseline`): the others are marked new. */
  baseline?: ReadonlySet<string>;
}

export function render(report: Report, format: Format, options: RenderOptions = { color: false }): string {
  // Worked out once, for every format: the findings the baseline lacks (none given, nothing is marked).
  const newFindings = options.baseline ? newSince(report, options.baseline) : undefined;
  switch (format) {
    case "markdown":
      return renderMarkdownReport(report, newFindings);
    case "junit":
      return renderJunit(report, options.failOn);
    case "json":
      return renderJson(report, newFindings);
    case "sarif":
      return renderSarif(report, newFindings);
    case "html":
      return renderHtml(report, newFindings ? { newFindings } : {});
    case "text":
      return renderTerminal(report, { color: options.color, ...(newFindings ? { newFindings } : {}) });
  }
}

/** The fingerprints of the report's findings an earlier report's set lacks. */
function newSince(report: Report, baseline: ReadonlySet<string>): Set<string> {
  return new Set(
    report.findings.map((finding) => findingFingerprint(finding)).filter((print) => !baseline.has(print)),
  );
}

export { renderJson, renderJunit, renderMarkdownReport, renderSarif, renderTerminal };
export { INFORMATION_URI, SARIF_LEVEL, sarifRule, type SarifRuleSource } from "./sarif.ts";
export { renderBadge } from "./badge.ts";
export { renderHtml, reportSection } from "./html.ts";
export { terminalSafe } from "./terminal.ts";
export { diffReports, type DiffableFinding, type ReportDiff } from "./report-diff.ts";
export { DIFF_FORMATS, renderDiff, type DiffFormat } from "./diff-render.ts";
