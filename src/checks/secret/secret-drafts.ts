import { createHash } from "node:crypto";
import { type CheckInput, evidenceFrom, type FindingDraft } from "../../core/index.ts";
import { SecretSightings, type SecretSighting } from "../../artifacts/index.ts";

/**
 * One draft per secret and place: the same key in the page and in a bundle becomes one finding (grouped by
 * a fingerprint of the key) that lists both URLs. Nothing here carries the key itself: the summary,
 * details and evidence excerpt use its redacted form.
 */
export function secretDrafts(artifacts: CheckInput, findingId: string): FindingDraft[] {
  const drafts: FindingDraft[] = [];
  const seen = new Set<string>();
  const all = artifacts.read(SecretSightings);
  for (const sighting of all) {
    if (sighting.findingId !== findingId) continue;
    const fingerprint = fingerprintOf(sighting.match.secret);
    const placeKey = `${fingerprint}|${sighting.url}|${sighting.sourcePath ?? ""}`;
    if (seen.has(placeKey)) continue;
    seen.add(placeKey);
    drafts.push(scrubbed(draftFor(sighting, fingerprint), all));
  }
  return drafts;
}

/**
 * A key can also sit in a URL (a script loaded as `/sdk.js?key=...`): every key found anywhere is
 * replaced by its redacted form in the URL, summary, details and the evidence's request line, curl and note.
 */
function scrubbed(draft: FindingDraft, sightings: readonly SecretSighting[]): FindingDraft {
  const keys = [...new Map(sightings.map((s) => [s.match.secret, s.match.redacted])).entries()];
  const clean = (text: string) =>
    keys.reduce(
      (result, [secret, redacted]) =>
        result.includes(secret) ? result.split(secret).join(redacted) : result,
      text,
    );
  return {
    ...draft,
    evidence: draft.evidence.map((evidence) => ({
      ...evidence,
      note: clean(evidence.note),
      ...(evidence.curl !== undefined ? { curl: clean(evidence.curl) } : {}),
      ...(evidence.request ? { request: { ...evidence.request, url: clean(evidence.request.url) } } : {}),
    })),
    url: clean(draft.url),
    summary: clean(draft.summary),
    ...(draft.details
      ? {
          details: Object.fromEntries(
            Object.entries(draft.details).map(([name, value]) => [name, clean(value)]),
          ),
        }
      : {}),
  };
}

function draftFor(sighting: SecretSighting, fingerprint: string): FindingDraft {
  const { match } = sighting;
  const assigned = sighting.variable ? `, assigned to \`${sighting.variable}\`` : "";
  const shipped = sighting.publicPrefix
    ? ` The \`${sighting.publicPrefix}\` prefix is what told the bundler to ship it to every visitor.`
    : "";
  const confidence = match.confidence === "high" ? "" : ` (${match.confidence} confidence)`;
  return {
    url: sighting.url,
    groupKey: fingerprint,
    summary: `${match.label} \`${match.redacted}\`${confidence} is in ${sighting.where}${assigned}.${shipped}`,
    evidence: [
      evidenceFrom(sighting.exchange, `${match.label} at ${sighting.where}; the excerpt shows it redacted.`, {
        headers: ["content-type"],
        excerpt: sighting.excerpt,
      }),
    ],
    ...(match.verdict.cvss ? { cvss: match.verdict.cvss } : {}),
    details: {
      provider: match.rule.provider,
      kind: match.label,
      key: match.redacted,
      confidence: match.confidence,
      foundIn: sighting.place,
      location: sighting.where,
      line: String(sighting.line),
      column: String(sighting.column),
      ...(sighting.variable ? { variable: sighting.variable } : {}),
      ...(sighting.sourcePath ? { sourcePath: sighting.sourcePath } : {}),
      ...(sighting.container ? { container: sighting.container } : {}),
    },
  };
}

/** Groups sightings of one key; one-way, and never part of a report. */
function fingerprintOf(secret: string): string {
  return createHash("sha256").update(secret).digest("hex").slice(0, 24);
}
