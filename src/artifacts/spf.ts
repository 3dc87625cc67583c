/**
 * SPF records (RFC 7208) read as far as the checks need: is a TXT string an SPF record, what does its
 * `all` say, which terms cost a DNS lookup, and which domains it pulls in (include:, redirect=).
 */

/** A TXT string is an SPF record when it starts with exactly "v=spf1" followed by a space or its end (RFC 7208 4.5). */
export function isSpfRecord(text: string): boolean {
  return /^v=spf1(\s|$)/i.test(text.trim());
}

export interface SpfTerm {
  /** "+", "-", "~", "?" for mechanisms; "" for modifiers. */
  qualifier: string;
  /** Lower-case mechanism or modifier name: all, include, a, mx, ptr, ip4, ip6, exists, redirect, exp, ... */
  name: string;
  /** What follows ":" or "=" (a domain, an address), or "". */
  value: string;
}

export function spfTerms(record: string): SpfTerm[] {
  return record
    .trim()
    .split(/\s+/)
    .slice(1)
    .filter(Boolean)
    .map((term) => {
      const modifier = /^([a-z][a-z0-9_.-]*)=(.*)$/i.exec(term);
      if (modifier) return { qualifier: "", name: modifier[1]!.toLowerCase(), value: modifier[2]! };
      const mechanism = /^([+\-~?]?)([a-z0-9]+)(?:[:/](.*))?$/i.exec(term);
      if (!mechanism) return { qualifier: "", name: term.toLowerCase(), value: "" };
      return { qualifier: mechanism[1] || "+", name: mechanism[2]!.toLowerCase(), value: mechanism[3] ?? "" };
    });
}

/** The terms that make the receiver ask DNS (RFC 7208 4.6.4): at most 10 in all, includes counted through. */
const LOOKUP_TERMS = new Set(["include", "a", "mx", "ptr", "exists", "redirect"]);

export function costsLookup(term: SpfTerm): boolean {
  return LOOKUP_TERMS.has(term.name);
}

/** Domains the record hands evaluation to, which are looked up and counted in turn. Macros are not followed. */
export function spfReferences(record: string): string[] {
  return spfTerms(record)
    .filter(
      (term) =>
        (term.name === "include" || term.name === "redirect") && term.value && !term.value.includes("%"),
    )
    .map((term) => term.value.toLowerCase().replace(/\.$/, ""));
}

/** The record's `all` mechanism, or undefined when it has none. */
export function spfAll(record: string): SpfTerm | undefined {
  return spfTerms(record).find((term) => term.name === "all");
}
