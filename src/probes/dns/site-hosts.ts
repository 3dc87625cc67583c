import { isSameSite, type Discovery, type Target } from "../../core/index.ts";

/** Hosts whose CNAME chains are followed: the target's and at most this many more. */
const MAX_HOSTS = 10;

export interface SiteHost {
  host: string;
  /** Where the page saw it (scheme and port included), for fetching its page. */
  origin: string;
}

/**
 * The target's host, then the hosts on the same registrable domain that the page loads scripts from or
 * links to, in the order discovery found them: a forgotten `docs.` or `status.` CNAME is where
 * takeovers happen, and the page naming it is what makes it matter.
 */
export function sameSiteHosts(target: Target, discovery: Readonly<Discovery>): SiteHost[] {
  const hosts = new Map<string, string>([[target.hostname, target.origin]]);
  const urls = [
    ...discovery.scripts.flatMap((script) => (script.url ? [script.url] : [])),
    ...discovery.bundles.map((bundle) => bundle.url),
    ...discovery.links,
    ...discovery.endpoints.map((endpoint) => endpoint.url),
  ];
  for (const text of urls) {
    if (hosts.size >= MAX_HOSTS) break;
    const url = URL.parse(text);
    if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) continue;
    const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
    if (!hosts.has(host) && isSameSite(target, url)) hosts.set(host, url.origin);
  }
  return [...hosts].map(([host, origin]) => ({ host, origin }));
}
