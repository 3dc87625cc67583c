import { bodyText, type Exchange } from "../../core/index.ts";

export interface Listing {
  /** "Apache/nginx autoindex", "Python http.server", "S3 bucket listing", ... */
  server: string;
  /** Entries the page lists (bounded). */
  entries: string[];
}

const TITLED: ReadonlyArray<readonly [string, RegExp]> = [
  [
    "autoindex (Apache, nginx, lighttpd)",
    /<title>\s*Index of (\/[^<]{0,300})<\/title>|<h1>\s*Index of (\/[^<]{0,300})<\/h1>/i,
  ],
  ["Python http.server", /<title>\s*Directory listing for (\/[^<]{0,300})<\/title>/i],
  ["Express serve-index", /<title>\s*listing directory (\/[^<]{0,300})<\/title>/i],
];

const MAX_ENTRIES = 50;

/**
 * A directory listing: a server-generated index page that names the listed path in its title, or a
 * bucket listing (S3, GCS, Azure). The named path must be the one requested, so a page that merely
 * talks about "Index of /" is not a listing of this directory.
 */
export function directoryListing(exchange: Exchange, requestedPath: string): Listing | undefined {
  const text = bodyText(exchange.response).slice(0, 256 * 1024);
  for (const [server, pattern] of TITLED) {
    const match = pattern.exec(text);
    const listed = match?.[1] ?? match?.[2];
    if (listed && samePath(listed, requestedPath)) return { server, entries: hrefEntries(text) };
  }
  if (text.includes("[To Parent Directory]") && /<pre>/i.test(text)) {
    return { server: "IIS directory browsing", entries: hrefEntries(text) };
  }
  if (/<ListBucketResult[\s>]/.test(text) && /<(?:Contents|CommonPrefixes|Name)>/.test(text)) {
    return { server: "bucket listing (S3-compatible)", entries: xmlKeys(text) };
  }
  if (/<EnumerationResults[\s>]/.test(text) && /<Blobs>/.test(text)) {
    return { server: "Azure Blob container listing", entries: xmlKeys(text) };
  }
  return undefined;
}

function samePath(listed: string, requested: string): boolean {
  const normal = (path: string) => {
    let decoded = path.trim();
    try {
      decoded = decodeURIComponent(decoded);
    } catch {
      // keep as written
    }
    return decoded.replace(/&amp;/g, "&").replace(/\/+$/, "") || "/";
  };
  return normal(listed) === normal(requested);
}

function hrefEntries(html: string): string[] {
  const entries: string[] = [];
  for (const match of html.matchAll(/<a\s[^>]*href="([^"?#]{1,300})"/gi)) {
    const href = match[1] ?? "";
    if (href === "../" || href === "/" || href.startsWith("http") || href.startsWith("?")) continue;
    const name = href.replace(/\/$/, "").split("/").at(-1) ?? href;
    if (name && !entries.includes(name)) entries.push(name);
    if (entries.length >= MAX_ENTRIES) break;
  }
  return entries;
}

function xmlKeys(xml: string): string[] {
  const entries: string[] = [];
  for (const match of xml.matchAll(/<(?:Key|Name|Prefix)>([^<]{1,300})<\//g)) {
    const name = match[1] ?? "";
    if (name && !entries.includes(name)) entries.push(name);
    if (entries.length >= MAX_ENTRIES) break;
  }
  return entries;
}
