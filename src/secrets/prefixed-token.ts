import type { Confidence, MatchContext, RuleSamples, SecretRule, Verdict } from "./rule.ts";
import { looksRandom } from "./token-shape.ts";

/**
 * Most provider tokens are a fixed prefix and a random tail (`npm_` + 36, `glpat-` + 20...). This builds
 * such a rule from its parts so each provider file says only what is particular to it: the prefixes, the
 * tail's shape, the label and the samples.
 */
export interface PrefixedToken {
  name: string;
  provider: string;
  findingId: string;
  /** Literal prefixes (also the keywords), longest first where one starts another. */
  prefixes: readonly string[];
  /** The tail after the prefix, as a RegExp source without groups (`[A-Za-z0-9]{36}`). */
  tail: string;
  /** Characters that may not touch the token on either side (a class body, `A-Za-z0-9_`). */
  boundary?: string;
  label: string | ((secret: string, prefix: string) => string);
  cvss?: string;
  confidence?: Confidence;
  /** Entropy floor of the tail (bits per character); by default 3.5, or 3.3 for a hex tail. */
  minEntropy?: number;
  /** How many of lower/upper/digit the tail must mix. */
  minClasses?: number;
  /** Extra judgement after the shape checks (`null` rejects). */
  judge?: (secret: string, context: MatchContext, verdict: Verdict) => Verdict | null;
  priority?: number;
  samples: RuleSamples;
}

function escape(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function prefixedTokenRule(spec: PrefixedToken): SecretRule {
  const boundary = spec.boundary ?? "A-Za-z0-9_-";
  const alternatives = spec.prefixes.map(escape).join("|");
  const longest = Math.max(...spec.prefixes.map((prefix) => prefix.length));
  const prefixOf = (secret: string) => spec.prefixes.find((prefix) => secret.startsWith(prefix)) ?? "";
  return {
    name: spec.name,
    provider: spec.provider,
    findingId: spec.findingId,
    keywords: spec.prefixes,
    window: { before: 1, after: longest + 400 },
    pattern: new RegExp(`(?<![${boundary}])(?<secret>(?:${alternatives})${spec.tail})(?![${boundary}])`, "g"),
    confidence: spec.confidence ?? "high",
    ...(spec.priority !== undefined ? { priority: spec.priority } : {}),
    verify(secret, context) {
      const prefix = prefixOf(secret);
      const random = secret.slice(prefix.length);
      // Hex carries four bits a character at most: its floor is the generic rule's 3.3, not 3.5.
      const floor = spec.minEntropy ?? (/^[0-9a-f]+$/i.test(random) ? 3.3 : 3.5);
      if (!looksRandom(random, floor, spec.minClasses ?? 2)) return null;
      const label = typeof spec.label === "string" ? spec.label : spec.label(secret, prefix);
      const verdict: Verdict = { kind: "secret", label, ...(spec.cvss ? { cvss: spec.cvss } : {}) };
      return spec.judge ? spec.judge(secret, context, verdict) : verdict;
    },
    visiblePrefix: prefixOf,
    samples: spec.samples,
  };
}
