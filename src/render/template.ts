import { articleHref, clip, escapeHtml, httpHref } from "./escape.ts";

/** Only this module can make SafeHtml: outside it, markup comes from `html`, `trusted` or a helper here. */
const MINT = Symbol("SafeHtml");

/**
 * Markup built by the `html` template (or vouched for with `trusted`). Interpolating it into another
 * template inserts it as is; every other value is escaped.
 */
export class SafeHtml {
  readonly value: string;
  constructor(mint: typeof MINT, value: string) {
    if (mint !== MINT) throw new TypeError("SafeHtml comes from html`...` or trusted()");
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

export type Interpolation =
  SafeHtml | string | number | boolean | null | undefined | readonly Interpolation[];

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return concatenate(value, "");
  return escapeHtml(String(value));
}

/**
 * The rendered items with `glue` between non-empty ones. Built with `+=`, which V8 keeps as a rope:
 * Array.join would copy every nested fragment again at each level of a deep report.
 */
function concatenate(items: readonly Interpolation[], glue: string): string {
  let out = "";
  for (const item of items) {
    const part = render(item);
    if (part === "") continue;
    out = out === "" ? part : out + glue + part;
  }
  return out;
}

/**
 * HTML (or SVG) built with a tagged template: every interpolated value is escaped unless it is already
 * SafeHtml (markup we produced). Text that came from a target or a visitor can then only reach a page as
 * text. Arrays are rendered item by item and concatenated; null, undefined and false render as nothing.
 */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? "";
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? "");
  });
  return new SafeHtml(MINT, out);
}

/**
 * Markup that is already safe: our own constants (CSS, scripts), or the output of a renderer that escapes.
 * Never hand it anything that came from a target, a visitor or a report.
 */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(MINT, markup);
}

/** The items (each escaped unless SafeHtml) with the separator between them; empty items are skipped. */
export function join(items: readonly Interpolation[], separator: Interpolation = ""): SafeHtml {
  return new SafeHtml(MINT, concatenate(items, render(separator)));
}

/** Hostile text cut to `max` characters (saying how much was left out), neutralised and escaped. */
export function clipped(value: string, max: number): SafeHtml {
  return new SafeHtml(MINT, escapeHtml(clip(value, max)));
}

/**
 * An href attribute value (escaped) when `value` is an absolute http(s) URL, otherwise undefined: the
 * caller shows the URL as text. `javascript:` and its spellings never become a link.
 */
export function safeHttpHref(value: string): SafeHtml | undefined {
  const href = httpHref(value);
  return href === undefined ? undefined : new SafeHtml(MINT, escapeHtml(href));
}

/** An href attribute value (escaped) for a link to a Learn article: http(s) or relative, no other scheme. */
export function safeArticleHref(value: string): SafeHtml | undefined {
  const href = articleHref(value);
  return href === undefined ? undefined : new SafeHtml(MINT, escapeHtml(href));
}
