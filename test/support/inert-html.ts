import { Parser } from "htmlparser2";

/** Elements that run code, load something, or navigate on their own. */
const ACTIVE_ELEMENTS = new Set([
  "script",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "base",
  "form",
  "input",
  "button",
  "link",
  "img",
  "image",
  "video",
  "audio",
  "source",
  "portal",
  "foreignobject",
  "animate",
  "set",
  "handler",
]);
/** <meta http-equiv> values a renderer may emit; "refresh" (a redirect) is not one of them. */
const ALLOWED_META = new Set(["content-security-policy"]);
const URL_ATTRIBUTES = /^(?:href|xlink:href|src|action|formaction|poster|data|background|srcset|ping)$/;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * Parses HTML (or inline SVG) the way a browser's tokenizer would and lists everything in it that could
 * execute or load: scripts (other than ones carrying `allowedNonce`), event-handler attributes, style
 * attributes, non-http(s) link targets, active elements, meta refreshes, and bidi controls in text.
 * An empty list means the markup is inert.
 */
export function inertnessProblems(markup: string, options: { allowedNonce?: string } = {}): string[] {
  const problems: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const tag = name.toLowerCase();
        if (tag === "script" && !(options.allowedNonce && attributes.nonce === options.allowedNonce))
          problems.push("<script> element");
        else if (tag !== "script" && ACTIVE_ELEMENTS.has(tag)) problems.push(`<${tag}> element`);
        if (tag === "meta" && attributes["http-equiv"] !== undefined) {
          if (!ALLOWED_META.has(attributes["http-equiv"].toLowerCase()))
            problems.push(`<meta http-equiv="${attributes["http-equiv"]}">`);
        }
        for (const [rawName, value] of Object.entries(attributes)) {
          const attribute = rawName.toLowerCase();
          if (attribute.startsWith("on")) problems.push(`${attribute} attribute on <${tag}>`);
          if (attribute === "style") problems.push(`style attribute on <${tag}>`);
          if (attribute === "srcdoc") problems.push(`srcdoc attribute on <${tag}>`);
          if (URL_ATTRIBUTES.test(attribute) && !safeTarget(value))
            problems.push(`${attribute}="${value.slice(0, 80)}" on <${tag}>`);
        }
      },
      ontext(text) {
        if (BIDI.test(text)) problems.push(`bidi control in text: ${JSON.stringify(text.slice(0, 80))}`);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(markup);
  parser.end();
  return problems;
}

/** What a browser would do with the value: ignore tabs and newlines, trim, then read the scheme. */
function safeTarget(value: string): boolean {
  const cleaned = value.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+/, "");
  if (/^[^/?#]*:/.test(cleaned)) return /^https?:/i.test(cleaned);
  return cleaned.startsWith("/") || cleaned.startsWith("#") || cleaned.startsWith("?") || cleaned === "";
}

const VOID = new Set([
  "area",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "track",
  "wbr",
]);

/**
 * Elements the parser had to close on its own (a hostile "</pre>" or "</section>" that escaped would show
 * up here as a structure the renderer did not write). SVG children are written self-closed, so they count
 * as closed too.
 */
export function structureProblems(markup: string): string[] {
  const problems: string[] = [];
  const parser = new Parser(
    {
      onclosetag(name, isImplied) {
        if (isImplied && !VOID.has(name)) problems.push(`<${name}> closed implicitly`);
      },
    },
    { recognizeSelfClosing: true },
  );
  parser.write(markup);
  parser.end();
  return problems;
}
