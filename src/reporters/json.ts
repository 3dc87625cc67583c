import { findingFingerprint } from "../core/index.ts";
import type { Report } from "../engine/index.ts";

/**
 * The report as JSON: the documented, versioned schema in schemas/report.schema.json. Each finding carries
 * its fingerprint, so a later run (baseline, ignore file, diff) can name it without recomputing.
 */
/** `newFindings`: the fingerprints an earlier report (`--baseline`) lacks; without it, no finding is marked. */
export function renderJson(report: Report, newFindings?: ReadonlySet<string>): string {
  const findings = report.findings.map((finding) => {
    const fingerprint = findingFingerprint(finding);
    return {
      ...finding,
      fingerprint,
      // Only against a baseline: SARIF's own words for a finding the earlier report had or lacked.
      ...(newFindings ? { baselineState: newFindings.has(fingerprint) ? "new" : "unchanged" } : {}),
    };
  });
  return `${JSON.stringify({ ...report, findings }, null, 2)}\n`;
}
