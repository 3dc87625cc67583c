import { Parser } from "htmlparser2";
import {
  type Recording,
  bodyText,
  type Exchange,
  type HeaderList,
  mimeType,
  defineProbeArtifact,
} from "../core/index.ts";

/** An HTML page a browser would render: the only kind of response that needs CSP, framing rules and the like. */
export interface HtmlDocument {
  exchange: Exchange;
  url: string;
  origin: string;
  /** host[:port], the unit HSTS and cookies are scoped to. */
  host: string;
  hostname: string;
  https: boolean;
  headers: HeaderList;
  /** Contents of `<meta http-equiv="Content-Security-Policy">` in the head, in order. */
  metaCsp: string[];
  /** Contents of `<meta name="referrer">`, in order (browsers honour it anywhere in the document). */
  metaReferrer: string[];
}

/** The probe and role of the extra pages the documents probe fetches (read here, written there). */
export const DOCUMENT_PROBE = "documents";
export const DOCUMENT_ROLE = "document";
/** A second fetch of the main page, made only to see whether its CSP nonce changes between responses. */
export const REPEAT_ROLE = "repeat";

/** Markup is read up to this many characters: the head is at the start, and hostile pages may be huge. */
const MAX_HTML_CHARS = 512 * 1024;
const MAX_METAS = 20;

/** Elements the HTML parser keeps in <head>; any other start tag opens <body>, after which a CSP meta is ignored. */
const HEAD_ELEMENTS = new Set([
  "html",
  "head",
  "meta",
  "link",
  "title",
  "style",
  "script",
  "noscript",
  "base",
  "template",
]);

/**
 * The HTML documents of the scan, judged by what they are rather than where they came from: the main page
 * (after redirects) and the few same-site pages the documents probe fetched, each answered 2xx with an HTML
 * content type (or none, with markup that a browser would sniff as HTML). JSON APIs, scripts, images and
 * error pages are not documents. One entry per URL.
 */
export const HtmlDocuments = defineProbeArtifact("html-documents", (artifacts: Recording): HtmlDocument[] => {
  const documents: HtmlDocument[] = [];
  const seen = new Set<string>();
  for (const exchange of documentExchanges(artifacts)) {
    if (seen.has(exchange.request.url)) continue;
    const document = asDocument(exchange);
    if (!document) continue;
    seen.add(document.url);
    documents.push(document);
  }
  return documents;
});

/** Every exchange that fetched a page as a browser would (the repeat fetch included), in order. */
export function documentExchanges(artifacts: Recording): Exchange[] {
  return artifacts.exchanges.filter(
    (exchange) =>
      exchange.id === artifacts.discovery.pageExchangeId ||
      (exchange.probe === DOCUMENT_PROBE &&
        (exchange.labels.role === DOCUMENT_ROLE || exchange.labels.role === REPEAT_ROLE)),
  );
}

const documentOf = new WeakMap<Exchange, HtmlDocument | null>();

/** The exchange read as an HTML document, or undefined when a browser would not render it as one (memoised). */
export function asDocument(exchange: Exchange): HtmlDocument | undefined {
  let document = documentOf.get(exchange);
  if (document === undefined) {
    document = readDocument(exchange) ?? null;
    documentOf.set(exchange, document);
  }
  return document ?? undefined;
}

function readDocument(exchange: Exchange): HtmlDocument | undefined {
  const response = exchange.response;
  if (!response || response.status < 200 || response.status > 299) return undefined;
  if (!looksLikeHtml(response.headers, bodyText(response))) return undefined;
  const url = new URL(exchange.request.url);
  const metas = readMetas(bodyText(response));
  return {
    exchange,
    url: url.href,
    origin: url.origin,
    host: url.host,
    hostname: url.hostname.replace(/^\[|\]$/g, ""),
    https: url.protocol === "https:",
    headers: response.headers,
    metaCsp: metas.csp,
    metaReferrer: metas.referrer,
  };
}

function looksLikeHtml(headers: HeaderList, body: string): boolean {
  const type = mimeType(headers);
  if (type === "text/html" || type === "application/xhtml+xml") return true;
  if (type !== "") return false;
  // No Content-Type: browsers sniff, and markup that starts like a page is rendered as one.
  return /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>])/i.test(
    body.replace(/^\uFEFF/, "").slice(0, 4096),
  );
}

/**
 * Reads the metas that change security behaviour. A CSP meta counts only inside <head> (the HTML spec ignores
 * one in <body>); the parser below approximates that by stopping at the first element that opens the body.
 * Parsing stops there because htmlparser2's element stack costs quadratic time on hostile, deeply nested
 * markup; referrer metas later in the page are found by a bounded pattern and parsed one tag at a time.
 */
function readMetas(html: string): { csp: string[]; referrer: string[] } {
  const csp: string[] = [];
  const referrer: string[] = [];
  const text = html.slice(0, MAX_HTML_CHARS);
  let headEnd = text.length;
  let inHead = true;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "body" || !HEAD_ELEMENTS.has(name)) {
          if (inHead) headEnd = parser.startIndex;
          inHead = false;
          parser.pause();
          return;
        }
        readMeta(name, attributes, true);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  const readMeta = (name: string, attributes: Record<string, string>, head: boolean) => {
    if (name !== "meta") return;
    const content = attributes.content;
    if (content === undefined) return;
    const httpEquiv = (attributes["http-equiv"] ?? "").trim().toLowerCase();
    const metaName = (attributes.name ?? "").trim().toLowerCase();
    if (head && httpEquiv === "content-security-policy" && csp.length < MAX_METAS) csp.push(content);
    if (metaName === "referrer" && referrer.length < MAX_METAS) referrer.push(content);
  };
  parser.write(text);
  if (inHead) parser.end();
  for (const match of text.slice(headEnd).matchAll(/<meta\b[^>]{0,2000}>/gi)) {
    if (referrer.length >= MAX_METAS) break;
    if (!/referrer/i.test(match[0])) continue;
    const single = new Parser(
      { onopentag: (name, attributes) => readMeta(name, attributes, false) },
      { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
    );
    single.write(match[0]);
    single.end();
  }
  return { csp, referrer };
}
