import { bodyText, type Exchange } from "../../core/index.ts";
import type { ExposurePath } from "./paths.ts";

/** Backups named in listings fetched per scan: a listing may name hundreds, a few tell the story. */
export const MAX_LISTED_BACKUPS = 5;

/** Names of archives and dumps: what a backup left in a listed folder is called. */
const BACKUP_NAME = /\.(?:sql|zip|tar\.gz|tgz|bak|7z|gz|rar|dump)$/i;
/** The marks of a server-generated listing (autoindex, Python http.server, serve-index, IIS). */
const LISTING =
  /<title>\s*(?:Index of|Directory listing for|listing directory)\s+\/|\[To Parent Directory\]/i;
const HREF = /<a\s[^>]*?href\s*=\s*"([^"?#<>]{1,300})"/gi;
/** Listings keep their entries near the top: the rest of a huge one is not read. */
const MAX_LISTING_CHARS = 256 * 1024;

/**
 * Archives and dumps that directory listings name, as exposure paths of the "backup" kind: the probe asks
 * for their first KiB (Range) and the backup check judges them by their bytes, as for any curated path.
 * Only files on the listing's own origin, not already asked for, in listing order, bounded.
 */
export function listedBackups(
  listings: readonly Exchange[],
  alreadyAsked: ReadonlySet<string>,
): ExposurePath[] {
  const found: ExposurePath[] = [];
  for (const listing of listings) {
    const status = listing.response?.status ?? 0;
    if (status < 200 || status >= 300) continue;
    const text = bodyText(listing.response).slice(0, MAX_LISTING_CHARS);
    if (!LISTING.test(text)) continue;
    for (const match of text.matchAll(HREF)) {
      const url = URL.parse(match[1]!.replace(/&amp;/g, "&"), listing.request.url);
      if (!url || url.origin !== new URL(listing.request.url).origin) continue;
      if (!BACKUP_NAME.test(decoded(url.pathname))) continue;
      if (alreadyAsked.has(url.pathname) || found.some((entry) => entry.path === url.pathname)) continue;
      found.push({ path: url.pathname, kind: "backup" });
      if (found.length >= MAX_LISTED_BACKUPS) return found;
    }
  }
  return found;
}

function decoded(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
