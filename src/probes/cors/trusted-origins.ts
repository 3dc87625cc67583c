import { registrableDomainOf } from "../../core/index.ts";

/**
 * The origins an API may trust when it does not trust the page's own origin: real allowlists hold the
 * front-end's origin as the browser sends it (https, no port), and the front-end often lives on a sibling
 * host. Guessing one that the server accepts is what lets the scanner see an allowlist at all, and so try
 * the bypasses against it and judge its Vary and its preflight.
 */
export const MAX_TRUSTED_CANDIDATES = 8;

/** Front-end hosts beside an API, most common first (the apex is tried too). */
const SIBLING_LABELS = ["app", "www"];
/** Named origins on other registrable domains, kept after every same-site one. */
const MAX_CROSS_SITE = 2;

export interface TrustedOriginInput {
  /** The page's origin (after redirects): already tried as the "own" origin. */
  pageOrigin: string;
  /** The origin of the endpoint the candidates are tried on (an API may live on its own host). */
  endpointOrigin: string;
  /** Absolute URLs the page, its links, its CSP and its bundles name, in that order. */
  named: readonly string[];
  /** URLs the page itself names on other sites (its CSP connect-src): kept, but after same-site ones. */
  namedByPage: readonly string[];
}

/**
 * The candidate trusted origins, best first, deduplicated, without the page's own origin, bounded:
 * 1. the page's origin as an allowlist would spell it: without its port, and over https;
 * 2. the front-end siblings of the page's and the endpoint's registrable domain (app., www., the apex);
 * 3. origins the page and its code name on the same registrable domain, then a few it names elsewhere.
 */
export function trustedOriginCandidates(input: TrustedOriginInput): string[] {
  const page = new URL(input.pageOrigin);
  const candidates: string[] = [];
  const add = (origin: string | undefined) => {
    if (origin && origin !== page.origin && !candidates.includes(origin)) candidates.push(origin);
  };
  add(`${page.protocol}//${page.hostname}`);
  add(`https://${page.hostname}`);

  const sites = unique(
    [page.hostname, new URL(input.endpointOrigin).hostname]
      .map((host) => registrableDomainOf(host.replace(/^\[|\]$/g, "")))
      .filter((site): site is string => site !== null),
  );
  for (const site of sites) {
    for (const label of SIBLING_LABELS) add(`https://${label}.${site}`);
    add(`https://${site}`);
  }

  const sameSite = (origin: string) => {
    const site = registrableDomainOf(new URL(origin).hostname);
    return site !== null && sites.includes(site);
  };
  const named = unique(input.named.map(webOrigin).filter((origin) => origin !== undefined));
  for (const origin of named.filter(sameSite)) add(origin);
  const elsewhere = unique(input.namedByPage.map(webOrigin).filter((origin) => origin !== undefined));
  for (const origin of elsewhere.filter((origin) => !sameSite(origin)).slice(0, MAX_CROSS_SITE)) add(origin);
  return candidates.slice(0, MAX_TRUSTED_CANDIDATES);
}

/** The http(s) origin of a URL, or undefined for anything else (data:, blob:, a bad URL). */
function webOrigin(url: string): string | undefined {
  const parsed = URL.parse(url);
  if (!parsed || (parsed.protocol !== "https:" && parsed.protocol !== "http:")) return undefined;
  return parsed.origin;
}

/** Most absolute URLs taken from one text: a bundle names hundreds, the first ones are the app's own. */
const MAX_URLS_PER_TEXT = 200;
/** Text read per body: origins sit in config near the top of a bundle; a huge body is not read whole. */
const MAX_TEXT_CHARS = 2 * 1024 * 1024;
/** An absolute http(s) URL's scheme and authority, also JSON-escaped (`https:\/\/api.example.com`). */
const ABSOLUTE_URL =
  /\bhttps?:(?:\\?\/){2}[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+(?::\d{1,5})?/gi;

/** The http(s) origins a page or a bundle names, in order, deduplicated and bounded. */
export function originsNamedIn(text: string): string[] {
  const found: string[] = [];
  for (const match of text.slice(0, MAX_TEXT_CHARS).matchAll(ABSOLUTE_URL)) {
    const origin = webOrigin(match[0].replace(/\\\//g, "/"));
    if (origin && !found.includes(origin)) found.push(origin);
    if (found.length >= MAX_URLS_PER_TEXT) break;
  }
  return found;
}

/**
 * The origins a Content-Security-Policy lets the page connect to (connect-src): the page's own word on
 * which hosts it talks to. Wildcards and keywords are skipped: they name no one origin.
 */
export function connectSrcOrigins(policies: readonly string[]): string[] {
  const origins: string[] = [];
  for (const policy of policies) {
    for (const directive of policy.split(";")) {
      const [name, ...sources] = directive.trim().split(/\s+/);
      if (name?.toLowerCase() !== "connect-src") continue;
      for (const source of sources) {
        if (source.includes("*") || source.startsWith("'")) continue;
        const origin = webOrigin(/^[a-z][a-z0-9+.-]*:\/\//i.test(source) ? source : `https://${source}`);
        if (origin && !origins.includes(origin)) origins.push(origin);
      }
    }
  }
  return origins;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
