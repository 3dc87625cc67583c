import net from "node:net";
import { Tokenizer, type TokenizerCallbacks } from "htmlparser2";

/** A subresource a browser treats as active (able to change the page): scripts, styles, frames, plugins. */
export interface ActiveReference {
  tag: string;
  /** The URL as resolved against the page (or its <base>). */
  url: string;
  /** Offset of the tag in the HTML, for the evidence excerpt. */
  offset: number;
}

/** Markup is read up to this many characters (pages are hostile and may be huge). */
const MAX_HTML_CHARS = 512 * 1024;
const MAX_REFERENCES = 20;

/** Which attribute of which element loads active content (the Mixed Content spec's "blockable" requests). */
const ACTIVE_ATTRIBUTES: Readonly<Record<string, string>> = {
  script: "src",
  iframe: "src",
  frame: "src",
  object: "data",
  embed: "src",
};

/** `<link rel>` values that fetch a stylesheet or a script. */
const ACTIVE_LINK_RELS = new Set(["stylesheet", "modulepreload"]);

/**
 * The active subresources of a page that would load over plain http://. Loopback hosts are left out:
 * browsers treat http://localhost as potentially trustworthy, so it is not mixed content.
 */
export function insecureActiveContent(html: string, pageUrl: string): ActiveReference[] {
  const found: ActiveReference[] = [];
  let base = pageUrl;
  let baseSeen = false;
  forEachStartTag(html.slice(0, MAX_HTML_CHARS), (name, attributes, offset) => {
    if (name === "base" && !baseSeen && attributes.href !== undefined) {
      // Only the first <base href> counts, as in browsers.
      baseSeen = true;
      const resolved = resolve(attributes.href, pageUrl);
      if (resolved) base = resolved.href;
      return true;
    }
    let value: string | undefined;
    if (name === "link") {
      const rels = (attributes.rel ?? "").toLowerCase().split(/\s+/);
      if (rels.some((rel) => ACTIVE_LINK_RELS.has(rel))) value = attributes.href;
    } else {
      const attribute = ACTIVE_ATTRIBUTES[name];
      if (attribute) value = attributes[attribute];
    }
    if (value === undefined || value.trim() === "") return true;
    const url = resolve(value, base);
    if (url?.protocol === "http:" && !isLoopback(url.hostname))
      found.push({ tag: name, url: url.href, offset });
    return found.length < MAX_REFERENCES;
  });
  return found;
}

/**
 * Calls `visit` for every start tag with its attributes (names lower-cased, entities decoded, the first of
 * a repeated attribute kept, as browsers do), until it returns false. Built on htmlparser2's tokenizer,
 * which knows that <script> and <style> hold text, not tags. Its Parser is not used: it keeps a stack of
 * open elements with Array.unshift, so a page of 100,000 unclosed <div>s takes it many seconds.
 */
function forEachStartTag(
  html: string,
  visit: (name: string, attributes: Record<string, string>, offset: number) => boolean,
): void {
  let name = "";
  let offset = 0;
  let attributes: Record<string, string> = {};
  let attribute = "";
  let value = "";
  let stopped = false;
  const close = () => {
    if (!stopped && name && !visit(name, attributes, offset)) {
      stopped = true;
      tokenizer.pause();
    }
    name = "";
  };
  const ignore = () => undefined;
  const callbacks: TokenizerCallbacks = {
    onopentagname(start, end) {
      name = html.slice(start, end).toLowerCase();
      offset = Math.max(0, start - 1);
      attributes = Object.create(null) as Record<string, string>;
    },
    onattribname(start, end) {
      attribute = html.slice(start, end).toLowerCase();
      value = "";
    },
    onattribdata(start, end) {
      value += html.slice(start, end);
    },
    onattribentity(codepoint) {
      value += String.fromCodePoint(codepoint);
    },
    onattribend() {
      if (!(attribute in attributes)) attributes[attribute] = value;
    },
    onopentagend: close,
    onselfclosingtag: close,
    onclosetag: ignore,
    oncdata: ignore,
    oncomment: ignore,
    ondeclaration: ignore,
    onend: ignore,
    onprocessinginstruction: ignore,
    ontext: ignore,
    ontextentity: ignore,
  };
  const tokenizer = new Tokenizer({ decodeEntities: true }, callbacks);
  tokenizer.write(html);
  if (!stopped) tokenizer.end();
}

export function resolve(value: string, base: string): URL | undefined {
  try {
    return new URL(value.trim(), base);
  } catch {
    return undefined;
  }
}

export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (net.isIPv4(host)) return host.startsWith("127.");
  return host === "::1";
}
