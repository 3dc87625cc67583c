import { findingFingerprint } from "../core/index.ts";
import type { Report } from "../engine/index.ts";

/**
 * The report as JSON: the documented, versioned schema in schemas/report.schema.json. Each finding carries
 * its fingerprint, so a later run (baseline, ignore file, diff) can name it without recomputing.
 */
export function renderJson(report: Report, baseline?: ReadonlySet<string>): string {
  const findings = report.findings.map((finding) => {
    const fingerprint = findingFingerprint(finding);
    return {
      ...finding,
      fingerprint,
      // Only against a baseline: SARIF's own words for a finding the earlier report had or lacked.
      ...(baseline ? { baselineState: baseline.has(fingerprint) ? "unchanged" : "new" } : {}),
    };
  });
  return `${JSON.stringify({ ...report, findings }, null, 2)}\n`;
}
