import { readTags } from "../../artifacts/index.ts";

export interface HtmlExtract {
  /** External scripts, absolute URLs, in document order. */
  scriptSrcs: string[];
  /** Inline script bodies (JSON data blocks such as __NEXT_DATA__ included), in order. */
  inlineScripts: Array<{ type: string; id: string; text: string }>;
  /** Absolute URLs of links, in document order. */
  links: string[];
  /** <base href>, resolved. */
  baseUrl: string;
  /** How many external scripts the page names, beyond the cap on `scriptSrcs` too. */
  scriptTags: number;
}

/** Most script sources, inline scripts and links kept from one page. */
export const MAX_ITEMS = 500;
/** Inline script text kept in all: a page of megabytes of inline JS is scanned in its first part. */
const MAX_INLINE_CHARS = 4 * 1024 * 1024;

/**
 * Pulls out of hostile HTML what discovery needs: script sources, inline scripts, links and <base>.
 * It reads the tag stream (artifacts/html-tags.ts), in linear time whatever the nesting. Input is already
 * size-capped by the HTTP layer; outputs are capped here too.
 */
export function extractHtml(html: string, documentUrl: string): HtmlExtract {
  let baseHref: string | undefined;
  const scripts: string[] = [];
  const links: string[] = [];
  const inlineScripts: HtmlExtract["inlineScripts"] = [];
  let inlineChars = 0;
  let scriptTags = 0;
  let inline: { type: string; id: string; parts: string[] } | null = null;
  const closeInline = () => {
    if (inline) inlineScripts.push({ type: inline.type, id: inline.id, text: inline.parts.join("") });
    inline = null;
  };

  readTags(html, {
    open(name, attributes) {
      if (name === "base" && baseHref === undefined && attributes.href !== undefined) {
        baseHref = attributes.href;
      } else if (name === "script") {
        if (attributes.src) {
          scriptTags++;
          if (scripts.length < MAX_ITEMS) scripts.push(attributes.src);
        } else if (inlineScripts.length < MAX_ITEMS) {
          inline = { type: attributes.type ?? "", id: attributes.id ?? "", parts: [] };
        }
      } else if (name === "link") {
        const rel = (attributes.rel ?? "").toLowerCase();
        const isScript =
          rel.includes("modulepreload") || (rel.includes("preload") && attributes.as === "script");
        if (isScript && attributes.href) {
          scriptTags++;
          if (scripts.length < MAX_ITEMS) scripts.push(attributes.href);
        }
      } else if (name === "a" && attributes.href && links.length < MAX_ITEMS) {
        links.push(attributes.href);
      }
    },
    text(text) {
      if (!inline || inlineChars >= MAX_INLINE_CHARS) return;
      const kept = text.slice(0, MAX_INLINE_CHARS - inlineChars);
      inline.parts.push(kept);
      inlineChars += kept.length;
    },
    close(name) {
      if (name === "script") closeInline();
    },
  });
  // A script left open at the end of a cut page still holds code worth reading.
  closeInline();

  // <base> applies to every URL in the document, including those before it.
  const baseUrl = baseHref !== undefined ? (resolve(baseHref, documentUrl) ?? documentUrl) : documentUrl;
  const absolute = (references: string[]) =>
    unique(references.map((reference) => resolve(reference, baseUrl)).filter((url) => url !== null));
  return { scriptSrcs: absolute(scripts), inlineScripts, links: absolute(links), baseUrl, scriptTags };
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
