import { type Exchange, bodyText, headerValue } from "../../core/index.ts";

export type SourceMapVia = "header" | "comment" | "guess" | "inline";

export interface SourceMapReference {
  /** Absolute URL of the map, or a data: URL for an inline map. */
  url: string;
  via: SourceMapVia;
}

/** The comment may sit before trailing whitespace or a CSS-style closer; only the end of a file is read. */
const TAIL_CHARS = 4096;
const COMMENT = /\/[/*][#@]\s*sourceMappingURL=([^\s'"*]+)/g;

/**
 * Where a bundle's source map is: the SourceMap (or legacy X-SourceMap) header, the last
 * `//# sourceMappingURL=` comment, or, when neither names one, `<bundle>.map` beside it, which build
 * tools write even when they leave the comment out ("hidden" source maps).
 */
export function sourceMapReference(bundle: Exchange): SourceMapReference | undefined {
  if (!bundle.response) return undefined;
  const base = bundle.request.url;
  const header =
    headerValue(bundle.response.headers, "sourcemap") ?? headerValue(bundle.response.headers, "x-sourcemap");
  if (header) {
    const url = resolve(header.trim(), base);
    if (url) return { url, via: "header" };
  }
  const text = bodyText(bundle.response);
  const tail = text.slice(-TAIL_CHARS);
  let last: string | undefined;
  for (const match of tail.matchAll(COMMENT)) last = match[1];
  if (last) {
    if (last.startsWith("data:")) return { url: "inline", via: "inline" };
    const url = resolve(last, base);
    if (url) return { url, via: "comment" };
  }
  const guess = new URL(base);
  guess.search = "";
  guess.hash = "";
  guess.pathname = `${guess.pathname}.map`;
  return { url: guess.href, via: "guess" };
}

function resolve(reference: string, base: string): string | undefined {
  try {
    const url = new URL(reference, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}
