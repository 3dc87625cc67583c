/**
 * The one place text becomes markup. Everything a report holds came from the target (URLs, headers,
 * bodies) or could have been edited by whoever hands us the JSON, and a web page shows what a visitor
 * typed, so each helper here assumes hostile input: make invisible characters visible, escape for the
 * context, cap the length. `escapeHtml` is the only escaper in the codebase; the template (template.ts)
 * calls it for every interpolated value.
 */

/**
 * Characters that change how text reads without being seen: bidi embeddings, overrides and isolates (the
 * "Trojan Source" trick), directional marks, and C0/C1 controls other than tab, line feed and carriage
 * return. They are replaced by a visible marker such as ⟦U+202E⟧ so a reader sees that they were there.
 */
const INVISIBLE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Code units that XML 1.0 forbids even when escaped (an SVG containing one is not well formed). */
const XML_FORBIDDEN =
  /[\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function neutralise(value: string): string {
  return value
    .replace(INVISIBLE, (ch) => `⟦U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}⟧`)
    .replace(XML_FORBIDDEN, "\ufffd");
}

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Hostile text made safe for HTML or XML text and quoted attribute values (SVG included): invisible
 * characters shown as markers, code units XML forbids replaced, then the five markup characters escaped.
 * Neutralising is idempotent, so text neutralised earlier (to measure it, say) is not changed again.
 */
export function escapeHtml(value: string): string {
  // Most text needs nothing: one scan for anything that would, before the replacing passes.
  if (!NEEDS_WORK.test(value)) return value;
  return neutralise(value).replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

/** Any character escapeHtml changes: markup characters, the invisible ones, and any surrogate. */
const NEEDS_WORK =
  /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]/;

/** Cuts a value to `max` characters and says how much was left out, so a 100 KB line cannot bloat a page. */
export function clip(value: string, max: number): string {
  if (value.length <= max) return value;
  return `${value.slice(0, max)}… [${value.length - max} more characters not shown]`;
}

/**
 * The URL as an href when it is an absolute http(s) URL, otherwise undefined (the caller shows it as text).
 * Parsing first means "java\tscript:", " javascript:" and other spellings the browser would accept are
 * judged by the scheme the browser would see.
 */
export function httpHref(value: string): string | undefined {
  if (value.length > 4096) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  return url.href;
}

/**
 * For links in our own Markdown (Learn articles): absolute http(s) URLs, and relative links such as
 * "/learn/cors#faq" or "#faq". Anything that names another scheme is refused.
 */
export function articleHref(value: string): string | undefined {
  // Browsers drop ASCII tab and newline anywhere in a URL and leading C0 controls and spaces.
  const cleaned = value.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+/, "");
  if (cleaned.length === 0 || cleaned.length > 4096) return undefined;
  if (/^[^/?#]*:/.test(cleaned)) return httpHref(cleaned);
  if (cleaned.startsWith("\\") || cleaned.startsWith("/\\")) return undefined;
  return cleaned;
}
