import { createHash } from "node:crypto";
import { type Recording, bodyText, defineProbeArtifact, type Exchange } from "../core/index.ts";
import { isVersion } from "./library-version.ts";
import { windowsFor } from "./pattern-anchor.ts";
import { type RetireRepository, retireRepository } from "./retire-repository.ts";

/** How a library's version was read: from the URL the page loads it by, from its code, or from its hash. */
export type SightingKind = "url" | "content" | "hash";

export interface LibrarySighting {
  kind: SightingKind;
  /** The script's URL (for an inline script, the page's). */
  url: string;
  /** What shows it: the page that names the URL, or the script's own response. */
  exchange: Exchange;
  /** Where in that exchange's body the proof is, for the evidence excerpt. */
  offset?: number;
  /** The matched text (a banner, a signature), clipped. */
  excerpt?: string;
}

/** One library at one version, with every place it was seen (the first few). */
export interface ServedLibrary {
  /** The Retire.js data's name for it ("jquery", "angularjs"). */
  library: string;
  version: string;
  sightings: LibrarySighting[];
}

/** npm CDNs whose URLs carry the package and its exact version: `/npm/<name>@<version>/`, `/<name>@<version>/`. */
const NPM_CDN_PATHS: ReadonlyArray<{ host: string; path: RegExp }> = [
  { host: "cdn.jsdelivr.net", path: /^\/npm\/((?:@[a-z0-9._-]{1,100}\/)?[a-z0-9._-]{1,100})@([^/]{1,64})\// },
  { host: "unpkg.com", path: /^\/((?:@[a-z0-9._-]{1,100}\/)?[a-z0-9._-]{1,100})@([^/]{1,64})\// },
];
const MAX_SIGHTINGS = 5;
const MAX_EXCERPT = 160;

/**
 * The JavaScript libraries the site serves or loads, by name and version: read from the URLs of the
 * page's scripts (its own and other sites', a CDN URL names the version without a fetch), and from the
 * code of the scripts discovery fetched and of the page's inline scripts (banners, signatures, hashes).
 * Only code a browser runs counts: the HTML around the scripts, stylesheets and source maps are not read,
 * so a page or a comment that merely names a library is no sighting.
 */
export const ServedLibraries = defineProbeArtifact(
  "served-libraries",
  (recording: Recording): ServedLibrary[] => {
    const repository = retireRepository();
    const found = new Map<string, ServedLibrary>();
    const add = (library: string, version: string, sighting: LibrarySighting) => {
      if (!isVersion(version)) return;
      const key = `${library}@${version}`;
      const entry = found.get(key) ?? { library, version, sightings: [] };
      found.set(key, entry);
      const again = entry.sightings.some((seen) => seen.url === sighting.url && seen.kind === sighting.kind);
      if (!again && entry.sightings.length < MAX_SIGHTINGS) entry.sightings.push(sighting);
    };

    const byId = new Map(recording.exchanges.map((exchange) => [exchange.id, exchange]));
    const pageId = recording.discovery.pageExchangeId;
    const page = pageId === undefined ? undefined : byId.get(pageId);
    const pageText = page ? bodyText(page.response) : "";

    for (const script of recording.discovery.scripts) {
      // A same-site script counts by its URL only once discovery fetched it and got code back (the bundle
      // loop below): a single-page app answers a missing `/js/jquery-1.12.4.min.js` with its HTML shell.
      if (script.url !== undefined && page && !script.sameSite) {
        for (const { library, version } of librariesInUrl(repository, script.url)) {
          add(library, version, {
            kind: "url",
            url: script.url,
            exchange: page,
            ...placeInPage(pageText, script.url),
          });
        }
      } else if (script.inline !== undefined && page) {
        for (const match of librariesInCode(repository, script.inline)) {
          const at = pageText.indexOf(match.excerpt);
          add(match.library, match.version, {
            kind: "content",
            url: page.request.url,
            exchange: page,
            excerpt: match.excerpt,
            ...(at >= 0 ? { offset: at } : {}),
          });
        }
      }
    }

    for (const bundle of recording.discovery.bundles) {
      const exchange = byId.get(bundle.exchangeId);
      const response = exchange?.response;
      if (!exchange || !response) continue;
      // The URL it finally came from may say more than the one the page named (a redirect to a versioned file).
      for (const { library, version } of librariesInUrl(repository, exchange.request.url)) {
        add(library, version, { kind: "url", url: exchange.request.url, exchange });
      }
      const text = bodyText(response);
      for (const match of librariesInCode(repository, text)) {
        add(match.library, match.version, {
          kind: "content",
          url: exchange.request.url,
          exchange,
          offset: match.offset,
          excerpt: match.excerpt,
        });
      }
      if (response.truncated === undefined && repository.hashes.size > 0) {
        const known = repository.hashes.get(createHash("sha1").update(response.body).digest("hex"));
        if (known) add(known.library, known.version, { kind: "hash", url: exchange.request.url, exchange });
      }
    }
    return [...found.values()];
  },
);

/** Libraries a script's URL names: the data's URI and file-name patterns, and npm CDN paths. */
export function librariesInUrl(
  repository: RetireRepository,
  url: string,
): Array<{ library: string; version: string }> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  if (repository.ignoredUris.some((pattern) => pattern.test(url))) return [];
  const found: Array<{ library: string; version: string }> = [];
  const lastSegment = parsed.pathname.slice(parsed.pathname.lastIndexOf("/"));
  for (const rule of repository.rules) {
    for (const pattern of rule.uri) {
      const version = pattern.exec(url)?.[1];
      if (version !== undefined) found.push({ library: rule.library, version });
    }
    for (const pattern of rule.filename) {
      const version = pattern.exec(lastSegment)?.[1];
      if (version !== undefined) found.push({ library: rule.library, version });
    }
  }
  for (const cdn of NPM_CDN_PATHS) {
    if (parsed.hostname !== cdn.host) continue;
    const match = cdn.path.exec(decodeURIComponentSafe(parsed.pathname));
    const library = match?.[1] !== undefined ? repository.npmNames.get(match[1]) : undefined;
    // `jquery@3` or `@latest` is a range the CDN resolves later: only an exact version says what runs.
    if (library && match?.[2] !== undefined && isVersion(match[2]))
      found.push({ library, version: match[2] });
  }
  // A URL naming `1.8` or `@3` points at whatever release the CDN maps it to: only a full version says what runs.
  return found.filter((item) => isVersion(item.version) && /^\d+\.\d+\.\d+/.test(item.version));
}

/** Libraries whose banner or signature the code holds, with where the first match starts. */
export function librariesInCode(
  repository: RetireRepository,
  code: string,
): Array<{ library: string; version: string; offset: number; excerpt: string }> {
  const found: Array<{ library: string; version: string; offset: number; excerpt: string }> = [];
  for (const rule of repository.rules) {
    for (const { pattern, plan } of rule.content) {
      for (const window of windowsFor(plan, code)) {
        const match = pattern.exec(window.text);
        const version = match?.[1];
        if (!match || version === undefined) continue;
        const offset = window.offset + match.index;
        found.push({ library: rule.library, version, offset, excerpt: clip(match[0]) });
        break;
      }
    }
    for (const { pattern, plan, replacement } of rule.contentReplace) {
      for (const window of windowsFor(plan, code)) {
        const match = pattern.exec(window.text);
        if (!match) continue;
        const version = match[0].replace(pattern, replacement);
        const offset = window.offset + match.index;
        found.push({ library: rule.library, version, offset, excerpt: clip(match[0]) });
        break;
      }
    }
  }
  return found.filter((item) => isVersion(item.version));
}

/** Where the page names this script (its file name is enough to centre the excerpt on it). */
function placeInPage(pageText: string, url: string): { offset?: number } {
  let needle: string;
  try {
    const parsed = new URL(url);
    needle = parsed.pathname.slice(parsed.pathname.lastIndexOf("/") + 1) || parsed.host;
  } catch {
    return {};
  }
  const at = pageText.indexOf(needle);
  return at >= 0 ? { offset: at } : {};
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, " ");
  return flat.length > MAX_EXCERPT ? `${flat.slice(0, MAX_EXCERPT)}…` : flat;
}
