/**
 * A secret rule recognises one kind of credential (gitleaks-style): a cheap keyword prefilter, a pattern,
 * a verdict on each match, and its own samples so the rule cannot drift without its test noticing.
 */
export type Confidence = "high" | "medium" | "low";

/** What a match is: a credential that must not be public, or a key that is public by design. */
export type KeyKind = "secret" | "public";

export interface MatchContext {
  /** The whole text being scanned (read-only; used to look around the match). */
  text: string;
  /** Offsets of the whole pattern match in `text`. */
  start: number;
  end: number;
}

/** The rule's judgement of one match; `null` from `verify` means "not a key after all". */
export interface Verdict {
  kind: KeyKind;
  /** Human label: "Stripe live secret key", "Supabase service_role JWT". */
  label: string;
  /** Overrides the check's CVSS vector for this instance (a test key is low, a key pair is critical). */
  cvss?: string;
  /** Overrides the rule's confidence for this instance. */
  confidence?: Confidence;
  /** Public keys: the provider, for the backend probes ("supabase", "firebase", "stripe", "clerk"). */
  provider?: string;
  /**
   * Other parts of the same credential (an AWS secret access key beside its id), as offsets in the text:
   * they are redacted with the key and no weaker rule reports them again.
   */
  related?: ReadonlyArray<readonly [start: number, end: number]>;
  /** Facts a probe or report may use (project ref, role, project id); never the secret itself. */
  facts?: Readonly<Record<string, string>>;
}

export interface RuleSamples {
  /** Real-shaped, generated values that must be found by this rule as secrets. */
  secret: readonly string[];
  /** Look-alikes (placeholders, documented examples, minified code) that no rule may report as a secret. */
  notSecret: readonly string[];
  /** Public-by-design keys this rule must recognise as public (and no rule may call secret). */
  public?: readonly string[];
}

export interface SecretRule {
  /** Rule name, unique: "stripe-secret-key". */
  name: string;
  /** Provider shown to users: "Stripe". */
  provider: string;
  /** The finding id reported for secret verdicts (public verdicts are not findings of this family). */
  findingId: string;
  /**
   * Literal substrings, at least one of which occurs in (or just before) every match. The engine looks
   * for these with indexOf and runs the pattern only around them: most text never reaches a regex.
   */
  keywords: readonly string[];
  /** Keywords are matched case-insensitively (the engine then searches a lower-cased copy). */
  keywordsIgnoreCase?: boolean;
  /** How far before and after a keyword occurrence a match may start and end. */
  window: { before: number; after: number };
  /**
   * Must have the `g` flag (or `y` with `anchor`). The capture group named `secret` (or the whole match)
   * is the credential.
   */
  pattern: RegExp;
  /**
   * "identifier": the match starts where the identifier holding the keyword starts (`apiSecret` for a
   * hit on "secret"), and the sticky pattern is tried there once, instead of at every position of a
   * window. For rules whose keyword is a common word in code ("token").
   */
  anchor?: "identifier";
  confidence: Confidence;
  /** Lower runs first when two matches overlap: specific rules beat the generic one. */
  priority?: number;
  /** Judges one match: `null` rejects it (placeholder, wrong shape, not this provider). */
  verify(secret: string, context: MatchContext): Verdict | null;
  /**
   * The part of the secret that may be shown (a known prefix such as "sk_live_"); the redactor adds only
   * the last characters to it.
   */
  visiblePrefix(secret: string): string;
  /** A whole redacted form, for shapes where prefix + tail says too much or too little (URLs, PEM). */
  redact?(secret: string): string;
  samples: RuleSamples;
}
