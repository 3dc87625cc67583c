import { DomUtils, parseDocument } from "htmlparser2";

export interface HtmlExtract {
  /** External scripts, absolute URLs, in document order. */
  scriptSrcs: string[];
  /** Inline script bodies (JSON data blocks such as __NEXT_DATA__ included), in order. */
  inlineScripts: Array<{ type: string; id: string; text: string }>;
  /** Absolute URLs of links, in document order. */
  links: string[];
  /** <base href>, resolved. */
  baseUrl: string;
}

const MAX_ITEMS = 500;

/**
 * Parses hostile HTML with a real, forgiving parser (htmlparser2, the one cheerio uses) and pulls out
 * what discovery needs. Input is already size-capped by the HTTP layer; outputs are capped here too.
 */
export function extractHtml(html: string, documentUrl: string): HtmlExtract {
  const document = parseDocument(html, { decodeEntities: true });
  let baseUrl = documentUrl;
  const base = DomUtils.findOne(
    (el) => el.name === "base" && typeof el.attribs.href === "string",
    document.children,
  );
  if (base?.attribs.href) baseUrl = resolve(base.attribs.href, documentUrl) ?? documentUrl;

  const scriptSrcs: string[] = [];
  const inlineScripts: HtmlExtract["inlineScripts"] = [];
  const links: string[] = [];
  for (const el of DomUtils.findAll(
    (node) => node.name === "script" || node.name === "a" || node.name === "link",
    document.children,
  )) {
    if (el.name === "script") {
      const src = el.attribs.src;
      if (src) {
        const url = resolve(src, baseUrl);
        if (url && scriptSrcs.length < MAX_ITEMS) scriptSrcs.push(url);
      } else if (inlineScripts.length < MAX_ITEMS) {
        inlineScripts.push({
          type: el.attribs.type ?? "",
          id: el.attribs.id ?? "",
          text: DomUtils.textContent(el),
        });
      }
    } else if (el.name === "link") {
      const rel = (el.attribs.rel ?? "").toLowerCase();
      if (
        (rel.includes("modulepreload") || (rel.includes("preload") && el.attribs.as === "script")) &&
        el.attribs.href
      ) {
        const url = resolve(el.attribs.href, baseUrl);
        if (url && scriptSrcs.length < MAX_ITEMS) scriptSrcs.push(url);
      }
    } else if (el.attribs.href && links.length < MAX_ITEMS) {
      const url = resolve(el.attribs.href, baseUrl);
      if (url) links.push(url);
    }
  }
  return { scriptSrcs: unique(scriptSrcs), inlineScripts, links: unique(links), baseUrl };
}

function resolve(reference: string, base: string): string | null {
  try {
    const url = new URL(reference.trim(), base);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    url.hash = "";
    return url.href;
  } catch {
    return null;
  }
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
