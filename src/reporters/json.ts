import { findingFingerprint } from "../core/index.ts";
import type { Report } from "../engine/index.ts";

/**
 * The report as JSON: the documented, versioned schema in schemas/report.schema.json. Each finding carries
 * its fingerprint, so a later run (baseline, ignore file, diff) can name it without recomputing.
 */
export function renderJson(report: Report): string {
  const findings = report.findings.map((finding) => ({
    ...finding,
    fingerprint: findingFingerprint(finding),
  }));
  return `${JSON.stringify({ ...report, findings }, null, 2)}\n`;
}
