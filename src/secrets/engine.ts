import { isKnownPublicValue } from "./known-public-values.ts";
import { redactSecret } from "./redact.ts";
import type { Confidence, KeyKind, SecretRule, Verdict } from "./rule.ts";
import { type Keyword, KeywordScanner } from "./keyword-scanner.ts";
import { RULES } from "./rules/index.ts";

/** One key found in a text. `secret` is the full value: keep it in memory, never print it. */
export interface KeyMatch {
  rule: SecretRule;
  kind: KeyKind;
  /** Offsets of the key itself (the `secret` group) in the text. */
  start: number;
  end: number;
  secret: string;
  /** Safe to show: prefix + … + last characters. */
  redacted: string;
  label: string;
  confidence: Confidence;
  verdict: Verdict;
}

interface Candidate {
  rule: SecretRule;
  start: number;
  end: number;
  matchStart: number;
  matchEnd: number;
  secret: string;
}

/** Matches of every rule whose keywords occur, overlaps resolved (specific rules beat generic ones). */
export function scanText(text: string, rules: readonly SecretRule[] = RULES): KeyMatch[] {
  const candidates: Candidate[] = [];
  const prefilter = prefilterFor(rules);
  const hits = prefilter.scanner.scan(text);
  rules.forEach((rule, index) => {
    const ruleHits = hitsOf(prefilter.keywordIds[index] ?? [], hits);
    if (ruleHits.length === 0) return;
    if (rule.anchor === "identifier") {
      collectAtIdentifiers(text, ruleHits, rule, candidates);
      return;
    }
    for (const [from, to] of regionsFor(ruleHits, rule, text.length)) {
      collect(text, from, to, rule, candidates);
    }
  });
  return resolve(text, candidates);
}

/** A hostile text full of key-shaped strings must not make the scan quadratic. */
const MAX_CANDIDATES = 5_000;

interface Prefilter {
  scanner: KeywordScanner;
  /** For each rule (same order), the indexes of its keywords in the scanner. */
  keywordIds: number[][];
}

/** One scanner per rule list, built on first use: every keyword of every rule, each once. */
const prefilters = new WeakMap<readonly SecretRule[], Prefilter>();

function prefilterFor(rules: readonly SecretRule[]): Prefilter {
  let prefilter = prefilters.get(rules);
  if (!prefilter) {
    const keywords: Keyword[] = [];
    const ids = new Map<string, number>();
    const keywordIds = rules.map((rule) =>
      rule.keywords.map((text) => {
        const ignoreCase = rule.keywordsIgnoreCase === true;
        const key = `${ignoreCase ? "i" : "c"}:${text}`;
        let id = ids.get(key);
        if (id === undefined) {
          id = keywords.push({ text, ignoreCase }) - 1;
          ids.set(key, id);
        }
        return id;
      }),
    );
    prefilter = { scanner: new KeywordScanner(keywords), keywordIds };
    prefilters.set(rules, prefilter);
  }
  return prefilter;
}

/** The rule's keyword hits, ascending: one keyword's list as it is, several merged in linear time. */
function hitsOf(ids: readonly number[], hits: readonly number[][]): number[] {
  return ids.reduce<number[]>((merged, id) => mergeAscending(merged, hits[id] ?? []), []);
}

function mergeAscending(a: readonly number[], b: readonly number[]): number[] {
  if (a.length === 0) return b as number[];
  if (b.length === 0) return a as number[];
  const out = new Array<number>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i]! <= b[j]! ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/** Keyword hits widened by the rule's window and merged: the only parts of the text its pattern sees. */
function regionsFor(hits: readonly number[], rule: SecretRule, length: number): Array<[number, number]> {
  const regions: Array<[number, number]> = [];
  const { before, after } = rule.window;
  for (const hit of hits) {
    const from = Math.max(0, hit - before);
    const to = Math.min(length, hit + after);
    const last = regions.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else regions.push([from, to]);
  }
  return regions;
}

function collect(text: string, from: number, to: number, rule: SecretRule, out: Candidate[]): void {
  const region = text.slice(from, to);
  const pattern = rule.pattern;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(region); match; match = pattern.exec(region)) {
    if (out.length >= MAX_CANDIDATES) return;
    if (match[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const secret = match.groups?.secret ?? match[0];
    const offsetInMatch = match[0].indexOf(secret);
    const matchStart = from + match.index;
    out.push({
      rule,
      start: matchStart + Math.max(0, offsetInMatch),
      end: matchStart + Math.max(0, offsetInMatch) + secret.length,
      matchStart,
      matchEnd: matchStart + match[0].length,
      secret,
    });
  }
}

/** Characters an identifier (or a kebab-case header name) is made of: [A-Za-z0-9_$-]. */
function isIdentifierChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95 ||
    code === 36 ||
    code === 45
  );
}

/** Tries the sticky pattern once at the start of each identifier that holds a keyword. */
function collectAtIdentifiers(
  text: string,
  hits: readonly number[],
  rule: SecretRule,
  out: Candidate[],
): void {
  const pattern = rule.pattern;
  let previous = -1;
  for (const hit of hits) {
    let start = hit;
    const limit = Math.max(0, hit - rule.window.before);
    while (start > limit && isIdentifierChar(text.charCodeAt(start - 1))) start--;
    // An identifier that goes on past the window is no name a config would use (and a text of one
    // endless identifier full of keywords would have the pattern tried at every hit).
    if (start === limit && start > 0 && isIdentifierChar(text.charCodeAt(start - 1))) continue;
    if (start === previous) continue;
    previous = start;
    pattern.lastIndex = start;
    const match = pattern.exec(text);
    if (!match) continue;
    const secret = match.groups?.secret ?? match[0];
    const offsetInMatch = match[0].lastIndexOf(secret);
    out.push({
      rule,
      start: start + offsetInMatch,
      end: start + offsetInMatch + secret.length,
      matchStart: start,
      matchEnd: start + match[0].length,
      secret,
    });
    if (out.length >= MAX_CANDIDATES) return;
  }
}

/** Verifies candidates, best rule first, dropping any that overlaps a key already accepted. */
function resolve(text: string, candidates: Candidate[]): KeyMatch[] {
  candidates.sort(
    (a, b) => (a.rule.priority ?? 0) - (b.rule.priority ?? 0) || a.start - b.start || b.end - a.end,
  );
  const accepted: KeyMatch[] = [];
  const taken = new TakenSpans();
  for (const candidate of candidates) {
    if (taken.overlaps(candidate.start, candidate.end)) continue;
    if (isKnownPublicValue(candidate.secret)) continue;
    const verdict = candidate.rule.verify(candidate.secret, {
      text,
      start: candidate.matchStart,
      end: candidate.matchEnd,
    });
    if (!verdict) continue;
    taken.add(candidate.start, candidate.end);
    for (const [start, end] of verdict.related ?? []) taken.add(start, end);
    accepted.push({
      rule: candidate.rule,
      kind: verdict.kind,
      start: candidate.start,
      end: candidate.end,
      secret: candidate.secret,
      redacted: redactWith(candidate.rule, candidate.secret),
      label: verdict.label,
      confidence: verdict.confidence ?? candidate.rule.confidence,
      verdict,
    });
  }
  return accepted.sort((a, b) => a.start - b.start);
}

/**
 * Spans of accepted keys, sorted by start, asked "does anything overlap [start, end)?" once per
 * candidate. A span overlapping the query starts after `start - longest`, so a binary search and a
 * short walk answer it: a hostile text of thousands of keys is not thousands squared comparisons.
 */
class TakenSpans {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private longest = 0;

  overlaps(start: number, end: number): boolean {
    for (let i = this.firstAtOrAfter(start - this.longest); i < this.starts.length; i++) {
      if (this.starts[i]! >= end) return false;
      if (this.ends[i]! > start) return true;
    }
    return false;
  }

  add(start: number, end: number): void {
    const at = this.firstAtOrAfter(start);
    this.starts.splice(at, 0, start);
    this.ends.splice(at, 0, end);
    this.longest = Math.max(this.longest, end - start);
  }

  private firstAtOrAfter(position: number): number {
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.starts[middle]! < position) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

export function redactWith(rule: SecretRule, secret: string): string {
  return rule.redact ? rule.redact(secret) : redactSecret(secret, rule.visiblePrefix(secret));
}

/** Only the credentials (public-by-design keys left out). */
export function findSecrets(text: string, rules: readonly SecretRule[] = RULES): KeyMatch[] {
  return scanText(text, rules).filter((match) => match.kind === "secret");
}
