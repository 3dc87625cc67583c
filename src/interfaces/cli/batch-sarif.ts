import { createHash } from "node:crypto";
import { INFORMATION_URI, SARIF_LEVEL, sarifRule, type SarifRuleSource } from "../../reporters/index.ts";
import type { BatchSiteRecord } from "./batch-record.ts";

/**
 * One SARIF 2.1.0 log for a whole batch: a single run of amihackable whose results are every site's
 * findings, each carrying the site it was found on (`properties.site`; its fingerprint is the single scan's,
 * id and URL, so an alert keeps its identity between `scan` and `batch`); sites that could not be scanned
 * are the invocation's notifications. Rules come from `ruleFor` (the check registry): a batch keeps compact findings, and a
 * rule's texts are the same for every finding of its id.
 */
export function renderBatchSarif(
  records: readonly BatchSiteRecord[],
  ruleFor: (id: string) => SarifRuleSource | undefined,
  run: { version: string; startedAt: string; finishedAt: string },
): string {
  const ruleIds = [...new Set(records.flatMap((r) => r.findings.map((f) => f.id)))].sort();
  const rules = ruleIds.map((id) => ruleFor(id)).filter((rule) => rule !== undefined);
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const failed = records.filter((record) => record.status === "failed");
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "amihackable",
            version: run.version,
            semanticVersion: run.version,
            informationUri: INFORMATION_URI,
            rules: rules.map(sarifRule),
          },
        },
        invocations: [
          {
            executionSuccessful: failed.length === 0,
            startTimeUtc: run.startedAt,
            endTimeUtc: run.finishedAt,
            toolExecutionNotifications: failed.map((record) => ({
              level: "error",
              message: { text: `${record.url}: ${record.error ?? "the site could not be scanned"}` },
              properties: { site: record.url },
            })),
          },
        ],
        results: records.flatMap((record) =>
          record.findings.map((finding) => ({
            ruleId: finding.id,
            ...(index.has(finding.id) ? { ruleIndex: index.get(finding.id) } : {}),
            level: SARIF_LEVEL[finding.severity],
            message: { text: finding.summary },
            locations: finding.urls.map((url) => ({ physicalLocation: { artifactLocation: { uri: url } } })),
            partialFingerprints: {
              "amihackable/v1": createHash("sha256").update(`${finding.id}\n${finding.url}`).digest("hex"),
            },
            properties: {
              site: record.url,
              cvssVector: finding.cvss.vector,
              cvssScore: finding.cvss.score,
              severity: finding.severity,
            },
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
