import { severityRank, type Severity } from "../core/index.ts";
import type { Report } from "../engine/index.ts";
import { escapeHtml } from "../render/index.ts";

/** XML text and attributes: the HTML escaper covers &, <, >, " and ', and control characters XML refuses go. */
function xml(value: string): string {
  return escapeHtml(value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ""));
}

/**
 * `--format junit`: one test case per check and URL, for CI systems that show test reports. A check that
 * found nothing on the target passes; a finding at or above `failOn` is a failure, one below it passes with
 * its summary in system-out, so the report never fails a build the exit code does not.
 */
export function renderJunit(report: Report, failOn: Severity = "high"): string {
  const threshold = severityRank(failOn);
  const cases: string[] = [];
  let failures = 0;
  const found = new Set(report.findings.map((finding) => finding.id));
  for (const finding of report.findings) {
    const failing = severityRank(finding.severity) >= threshold;
    if (failing) failures++;
    const body = failing
      ? `<failure type="${xml(finding.severity)}" message="${xml(finding.title)}">${xml(`${finding.summary}\n${finding.cvss.vector}`)}</failure>`
      : `<system-out>${xml(`${finding.severity}: ${finding.summary}`)}</system-out>`;
    cases.push(`    <testcase classname="${xml(finding.id)}" name="${xml(finding.url)}">${body}</testcase>`);
  }
  // An accepted finding is skipped with its reason: visible in the CI's test report, never failing it.
  for (const finding of report.suppressed ?? [])
    cases.push(
      `    <testcase classname="${xml(finding.id)}" name="${xml(finding.url)}"><skipped message="${xml(`accepted: ${finding.reason}`)}"/></testcase>`,
    );
  const accepted = new Set((report.suppressed ?? []).map((finding) => finding.id));
  for (const id of report.probed.checks.filter((check) => !found.has(check) && !accepted.has(check)))
    cases.push(`    <testcase classname="${xml(id)}" name="${xml(report.target.url)}"/>`);
  const errors = report.outcome === "unreachable" ? 1 : 0;
  const skipped = report.suppressed?.length ?? 0;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="amihackable" tests="${cases.length}" failures="${failures}" errors="${errors}">`,
    `  <testsuite name="${xml(report.target.url)}" tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${(report.durationMs / 1000).toFixed(3)}" timestamp="${xml(report.startedAt)}">`,
    ...(errors
      ? [
          `    <testcase classname="amihackable" name="${xml(report.target.url)}"><error message="${xml(report.failure ?? "unreachable")}"/></testcase>`,
        ]
      : []),
    ...cases,
    "  </testsuite>",
    "</testsuites>",
    "",
  ].join("\n");
}
