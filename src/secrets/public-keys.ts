import { scanText, type KeyMatch } from "./engine.ts";
import type { KeyKind } from "./rule.ts";
import { RULES } from "./rules/index.ts";

/**
 * A key that is public by design (Stripe pk_, Supabase anon / sb_publishable_, Firebase web config,
 * Clerk pk_). The full value is kept because backend probes use it (an anon key to ask Supabase what it
 * exposes); reports should still show `redacted`.
 */
export interface PublicKey {
  /** "supabase", "firebase", "stripe", "clerk", "google" */
  provider: string;
  label: string;
  value: string;
  redacted: string;
  /** Offset of the key in the scanned text. */
  offset: number;
  /** Supabase: role, ref, url; Firebase: projectId, authDomain, databaseURL, storageBucket; Clerk: frontendApi. */
  facts: Readonly<Record<string, string>>;
}

/** Every public-by-design key in a text (HTML, a bundle, a source file), in order of appearance. */
export function findPublicKeys(text: string): PublicKey[] {
  return scanText(text)
    .filter((match) => match.kind === "public")
    .map(toPublicKey);
}

function toPublicKey(match: KeyMatch): PublicKey {
  return {
    provider: match.verdict.provider ?? match.rule.provider.toLowerCase(),
    label: match.label,
    value: match.secret,
    redacted: match.redacted,
    offset: match.start,
    facts: match.verdict.facts ?? {},
  };
}

export interface KeyClass {
  kind: KeyKind;
  /** Rule name ("supabase-jwt", "stripe-secret-key"). */
  rule: string;
  provider: string;
  label: string;
  /** The finding id a secret would be reported under. */
  findingId?: string;
  facts: Readonly<Record<string, string>>;
}

/**
 * What one key value is, on its own: a secret, a public key, or unknown (undefined). For a value taken
 * from elsewhere (a config object, a header), e.g. to tell a Supabase anon key from a service_role key.
 */
export function classifyKey(value: string): KeyClass | undefined {
  const trimmed = value.trim();
  const match = scanText(trimmed, RULES).find((m) => m.start === 0 && m.end === trimmed.length);
  if (!match) return undefined;
  return {
    kind: match.kind,
    rule: match.rule.name,
    provider: match.verdict.provider ?? match.rule.provider.toLowerCase(),
    label: match.label,
    ...(match.kind === "secret" ? { findingId: match.rule.findingId } : {}),
    facts: match.verdict.facts ?? {},
  };
}
