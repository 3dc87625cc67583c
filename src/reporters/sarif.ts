import { type Finding, findingFingerprint, type Severity, STACK_LABELS, type Stack } from "../core/index.ts";
import type { Report } from "../engine/index.ts";

export const SARIF_LEVEL: Record<Severity, "error" | "warning" | "note"> = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "note",
  info: "note",
};
export const INFORMATION_URI = "https://github.com/amihackable/amihackable";

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF consumers: one rule per finding id (with help
 * text and a CVSS-derived security-severity, which GitHub maps to its severity levels), one result per
 * finding located at the URL it is about.
 */
export function renderSarif(report: Report, newFindings?: ReadonlySet<string>): string {
  const suppressed = report.suppressed ?? [];
  const ruleIds = [...new Set([...report.findings, ...suppressed].map((f) => f.id))].sort();
  const representative = new Map<string, Finding>();
  for (const finding of report.findings)
    if (!representative.has(finding.id)) representative.set(finding.id, finding);
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "amihackable",
            version: report.scanner.version,
            semanticVersion: report.scanner.version,
            informationUri: INFORMATION_URI,
            rules: ruleIds.map((id) => {
              const finding = representative.get(id);
              // An id whose every finding was accepted: its rule is named, without the help text.
              if (!finding)
                return { id, shortDescription: { text: suppressed.find((s) => s.id === id)!.title } };
              return sarifRule(finding);
            }),
          },
        },
        invocations: [
          {
            executionSuccessful: report.outcome !== "unreachable",
            startTimeUtc: report.startedAt,
            endTimeUtc: report.finishedAt,
            toolExecutionNotifications: report.issues.map((issue) => ({
              level: issue.kind === "unreachable" ? "error" : "warning",
              message: { text: issue.message },
            })),
          },
        ],
        results: [
          ...report.findings.map((finding) => {
            const fingerprint = findingFingerprint(finding);
            return {
              ruleId: finding.id,
              ruleIndex: ruleIds.indexOf(finding.id),
              level: SARIF_LEVEL[finding.severity],
              message: { text: finding.summary },
              locations: finding.urls
                .slice(0, 10)
                .map((url) => ({ physicalLocation: { artifactLocation: { uri: url } } })),
              partialFingerprints: { "amihackable/v1": fingerprint },
              ...(newFindings ? { baselineState: newFindings.has(fingerprint) ? "new" : "unchanged" } : {}),
              properties: {
                cvssVector: finding.cvss.vector,
                cvssScore: finding.cvss.score,
                severity: finding.severity,
              },
            };
          }),
          // Accepted findings stay in the log, suppressed with the reason, as SARIF means them to.
          ...suppressed.map((finding) => ({
            ruleId: finding.id,
            ruleIndex: ruleIds.indexOf(finding.id),
            level: SARIF_LEVEL[finding.severity],
            message: { text: finding.title },
            locations: [{ physicalLocation: { artifactLocation: { uri: finding.url } } }],
            partialFingerprints: { "amihackable/v1": finding.fingerprint },
            suppressions: [
              {
                kind: "external",
                status: "accepted",
                justification: finding.expires
                  ? `${finding.reason} (until ${finding.expires})`
                  : finding.reason,
              },
            ],
            properties: { severity: finding.severity },
          })),
        ],
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

/** What a SARIF rule says of a finding id: the texts and scores every finding of that id shares. */
export type SarifRuleSource = Pick<
  Finding,
  "id" | "title" | "explanation" | "fixes" | "references" | "cwe" | "severity"
> & { cvss: { score: number } };

/** One rule (a finding id) with its help text; the batch SARIF builds its rules with it too. */
export function sarifRule(finding: SarifRuleSource) {
  const fixes = (Object.entries(finding.fixes) as Array<[Stack, string]>)
    .map(([stack, text]) => `### ${STACK_LABELS[stack]}\n\n${text}`)
    .join("\n\n");
  const references = finding.references.map((ref) => `- [${ref.title}](${ref.url})`).join("\n");
  return {
    id: finding.id,
    name: finding.id
      .replace(/[.-](\w)/g, (_, ch: string) => ch.toUpperCase())
      .replace(/^\w/, (ch) => ch.toUpperCase()),
    shortDescription: { text: finding.title },
    fullDescription: { text: finding.explanation },
    help: {
      text: finding.explanation,
      markdown: `${finding.explanation}\n\n## How to fix\n\n${fixes}\n\n## References\n\n${references}`,
    },
    helpUri: finding.references[0]?.url ?? INFORMATION_URI,
    defaultConfiguration: { level: SARIF_LEVEL[finding.severity] },
    properties: {
      tags: ["security", "external/cwe/" + finding.cwe.toLowerCase()],
      "security-severity": finding.cvss.score.toFixed(1),
      precision: "high",
    },
  };
}
