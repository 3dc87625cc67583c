import { findingFingerprint, plural, SEVERITIES, type Severity, type Finding } from "../core/index.ts";
import type { Report } from "../engine/index.ts";

export interface TerminalOptions {
  color: boolean;
  /** Show evidence and fixes for each finding (default true). */
  verbose?: boolean;
  /** The fingerprints an earlier report (`--baseline`) lacks: those findings are marked new. */
  newFindings?: ReadonlySet<string>;
}

const COLORS: Record<Severity, string> = {
  critical: "\x1b[1;97;41m",
  high: "\x1b[1;31m",
  medium: "\x1b[33m",
  low: "\x1b[36m",
  info: "\x1b[90m",
};
const RESET = "\x1b[0m";
const BOLD = "\x1b[1m";
const DIM = "\x1b[2m";

/**
 * Everything in a report that came from the target is hostile: strip control characters (terminal escape
 * sequences could rewrite the screen or the window title) before printing.
 */
export function terminalSafe(text: string): string {
  return text.replace(
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

export function renderTerminal(report: Report, options: TerminalOptions): string {
  const paint = (code: string, text: string) => (options.color ? `${code}${text}${RESET}` : text);
  const lines: string[] = [];
  lines.push(paint(BOLD, `amihackable ${report.scanner.version} · ${terminalSafe(report.target.url)}`));
  if (report.outcome === "unreachable") {
    // The failure is a whole sentence ("Could not find example.test: ..."): printed as it is.
    lines.push("", terminalSafe(report.failure ?? "The target could not be reached."));
    return `${lines.join("\n")}\n`;
  }
  if (report.target.finalUrl && report.target.finalUrl !== report.target.url)
    lines.push(paint(DIM, `(redirected to ${terminalSafe(report.target.finalUrl)})`));
  lines.push("");

  for (const severity of [...SEVERITIES].reverse()) {
    const group = report.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push(paint(COLORS[severity], `${severity.toUpperCase()} (${group.length})`));
    for (const finding of group) lines.push(...renderFinding(finding, options, paint));
    lines.push("");
  }
  if (report.findings.length === 0) lines.push("No findings.", "");
  const suppressed = report.suppressed ?? [];
  if (suppressed.length > 0) {
    lines.push(paint(DIM, `ACCEPTED (${suppressed.length}), left out by ignore entries`));
    for (const finding of suppressed)
      lines.push(
        paint(
          DIM,
          `  ○ ${terminalSafe(finding.title)} [${finding.id}] ${terminalSafe(finding.url)}\n    reason: ${terminalSafe(finding.reason)}${finding.expires ? ` (until ${finding.expires})` : ""}`,
        ),
      );
    lines.push("");
  }

  for (const issue of report.issues) lines.push(paint(DIM, `note: ${terminalSafe(issue.message)}`));
  const counts = [...SEVERITIES]
    .reverse()
    .filter((s) => report.summary.bySeverity[s] > 0)
    .map((s) => paint(COLORS[s], `${report.summary.bySeverity[s]} ${s}`));
  lines.push(
    `${paint(BOLD, `Grade ${report.summary.grade}`)} · ${plural(report.summary.total, "finding")}${counts.length ? ` (${counts.join(", ")})` : ""} · ${plural(report.requests.sent, "request")} in ${(report.durationMs / 1000).toFixed(1)} s${report.outcome === "partial" ? " · partial" : ""}`,
  );
  if (typeof report.summary.gradeWithheld === "string")
    lines.push(paint(DIM, terminalSafe(report.summary.gradeWithheld)));
  return `${lines.join("\n")}\n`;
}

function renderFinding(
  finding: Finding,
  options: TerminalOptions,
  paint: (code: string, text: string) => string,
): string[] {
  const isNew = options.newFindings?.has(findingFingerprint(finding)) === true;
  const lines = [
    `  ${paint(COLORS[finding.severity], "●")} ${isNew ? `${paint(BOLD, "NEW")} ` : ""}${paint(BOLD, finding.title)} ${paint(DIM, `[${finding.id}] CVSS ${finding.cvss.score.toFixed(1)}`)}`,
  ];
  lines.push(`    ${terminalSafe(finding.summary)}`);
  if (options.verbose === false) return lines;
  for (const url of finding.urls.slice(1, 6)) lines.push(paint(DIM, `    also: ${terminalSafe(url)}`));
  const evidence = finding.evidence[0];
  if (evidence?.response) {
    const headers = evidence.response.headers.map(([name, value]) => `${name}: ${value}`).join(" | ");
    lines.push(
      paint(DIM, `    evidence: ${evidence.response.status} ${terminalSafe(headers).slice(0, 300)}`),
    );
  }
  if (evidence?.curl) lines.push(paint(DIM, `    reproduce: ${terminalSafe(evidence.curl)}`));
  // A command rather than a path: the text report is read where the web app's /learn may not be served.
  lines.push(paint(DIM, `    learn: amihackable learn ${finding.id}`));
  return lines;
}
