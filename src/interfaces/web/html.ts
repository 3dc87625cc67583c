/**
 * HTML built with a tagged template: every interpolated value is escaped unless it is already SafeHtml
 * (markup we produced). Text that came from a target or a visitor can then only reach a page as text.
 */
export class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

type Interpolation = SafeHtml | string | number | boolean | null | undefined | readonly Interpolation[];

/** Bidi controls and other invisible code points are shown as ⟦U+XXXX⟧ so they cannot reorder text. */
const INVISIBLE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for HTML text and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replace(INVISIBLE, (ch) => `⟦U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}⟧`)
    .replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map((item: Interpolation) => render(item)).join("");
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? "";
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? "");
  });
  return new SafeHtml(out);
}

/** Markup that is already safe: our own constants, or the output of a renderer that escapes. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
