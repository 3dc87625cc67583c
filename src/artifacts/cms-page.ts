import { bodyText, type Exchange, headerValue, headerValues } from "../core/index.ts";
import { readTags } from "./html-tags.ts";

/** The content management systems whose fingerprints the cms probe and checks know. */
export const CMS_NAMES = ["wordpress", "drupal", "joomla", "ghost"] as const;
export type CmsName = (typeof CMS_NAMES)[number];

export const CMS_LABELS: Readonly<Record<CmsName, string>> = {
  wordpress: "WordPress",
  drupal: "Drupal",
  joomla: "Joomla",
  ghost: "Ghost",
};

/** One place a CMS version was read: "the generator meta", "?ver= on /wp-includes/css/ assets". */
export interface VersionSighting {
  cms: CmsName;
  version: string;
  where: string;
  /** The exchange that shows it. */
  exchange: Exchange;
}

/** What the main page says about the CMS behind it. */
export interface CmsPage {
  /** The systems the page shows strong signs of, with the signs (for the report and for tests). */
  detected: Partial<Record<CmsName, string[]>>;
  /**
   * Where WordPress lives: the origin plus the folder before /wp-content/ etc. ("https://a.test/blog"),
   * without a trailing slash. The probe asks its fixed paths under it.
   */
  wordpressBase?: string;
  /** Versions the page itself shows (generator meta, header, core asset versions). */
  versions: VersionSighting[];
}

/** The head and the asset links are near the start; a hostile page may be huge. */
const MAX_HTML_CHARS = 512 * 1024;
/** A generator value or a version is short; longer is not what it claims. */
const MAX_VALUE_CHARS = 120;

/** Folders of a WordPress install that only WordPress serves its own assets from. */
const WORDPRESS_ASSET = /^(.*?)\/wp-(?:content|includes)\/|^(.*?)\/wp-admin\/(?:css|js|images)\//;
/** The installer pages a not-yet-installed WordPress redirects every page to. */
const WORDPRESS_INSTALLER = /^(.*?)\/wp-admin\/(?:install|setup-config)\.php$/;
/** A WordPress release: 6.4, 6.4.2 (core versions are never past two dots). */
const WORDPRESS_VERSION = /^[1-9]\.\d{1,2}(?:\.\d{1,2})?$/;
/**
 * Core stylesheets and the emoji script are registered with the WordPress version as their `ver`;
 * the libraries WordPress bundles (jQuery, underscore, React under js/dist/vendor) carry their own versions,
 * and plugins and themes theirs, so only these paths say which WordPress runs.
 */
const CORE_VERSIONED_ASSET = /\/wp-includes\/(?:css\/|js\/wp-emoji-release\.min\.js$)/;

/** The sign of Drupal 7 when no generator names the release (the probe then asks for its changelog). */
export const DRUPAL_7_SCRIPT = "Drupal 7's /misc/drupal.js";

/** Reads the main page for CMS fingerprints: pure, shared by the probe (what to ask) and the checks. */
export function cmsPage(page: Exchange | undefined): CmsPage {
  const result: CmsPage = { detected: {}, versions: [] };
  if (!page?.response) return result;
  const url = new URL(page.request.url);
  const detected = (cms: CmsName, sign: string) => (result.detected[cms] ??= []).push(sign);
  const seen = (cms: CmsName, version: string, where: string) =>
    result.versions.push({ cms, version, where, exchange: page });

  const installer = WORDPRESS_INSTALLER.exec(url.pathname);
  if (installer) {
    detected("wordpress", "the page is WordPress's installer");
    result.wordpressBase = url.origin + installer[1]!;
  }

  const headers = page.response.headers;
  for (const link of headerValues(headers, "link"))
    if (/rel="?https:\/\/api\.w\.org\/"?/i.test(link)) detected("wordpress", "the api.w.org Link header");
  const generatorHeader = headerValue(headers, "x-generator")?.slice(0, MAX_VALUE_CHARS);
  if (generatorHeader) readGenerator(generatorHeader, "the X-Generator header", detected, seen);
  if (headerValue(headers, "x-drupal-cache") ?? headerValue(headers, "x-drupal-dynamic-cache"))
    detected("drupal", "an X-Drupal-Cache header");
  if (headers.some(([name]) => name.startsWith("x-ghost-"))) detected("ghost", "an X-Ghost header");

  const coreVersions = new Map<string, number>();
  const html = bodyText(page.response).slice(0, MAX_HTML_CHARS);
  readTags(html, {
    open(name, attributes) {
      if (name === "meta" && attributes.name?.toLowerCase() === "generator" && attributes.content)
        readGenerator(attributes.content.slice(0, MAX_VALUE_CHARS), "the generator meta", detected, seen);
      if (name === "link" && attributes.rel === "https://api.w.org/")
        detected("wordpress", "the api.w.org link");
      const source =
        name === "script" || name === "img" ? attributes.src : name === "link" ? attributes.href : "";
      if (!source) return;
      const asset = URL.parse(source, url);
      if (!asset || asset.origin !== url.origin) return;
      const folder = WORDPRESS_ASSET.exec(asset.pathname);
      if (folder) {
        detected("wordpress", "assets under /wp-content/ or /wp-includes/");
        result.wordpressBase ??= url.origin + (folder[1] ?? folder[2] ?? "");
        const version = asset.searchParams.get("ver");
        if (version && CORE_VERSIONED_ASSET.test(asset.pathname) && WORDPRESS_VERSION.test(version))
          coreVersions.set(version, (coreVersions.get(version) ?? 0) + 1);
      }
      // Drupal 7 serves /misc/drupal.js; Drupal 8 and later moved it to /core/misc/.
      if (asset.pathname.endsWith("/core/misc/drupal.js")) detected("drupal", "Drupal's core/misc/drupal.js");
      else if (asset.pathname.endsWith("/misc/drupal.js")) detected("drupal", DRUPAL_7_SCRIPT);
    },
  });
  // Several core assets with several versions would be a mix we cannot read: take the commonest.
  const core = [...coreVersions].sort((a, b) => b[1] - a[1])[0];
  if (core) seen("wordpress", core[0], "?ver= on WordPress core assets (/wp-includes/)");
  for (const cms of CMS_NAMES) {
    const signs = result.detected[cms];
    if (signs) result.detected[cms] = [...new Set(signs)];
  }
  return result;
}

/**
 * A generator value: "WordPress 6.4.2", "Drupal 10 (https://www.drupal.org)", "Joomla! - Open Source
 * Content Management", "Ghost 5.75". The name alone is a detection; a number with it is a version.
 */
function readGenerator(
  value: string,
  where: string,
  detected: (cms: CmsName, sign: string) => void,
  seen: (cms: CmsName, version: string, where: string) => void,
): void {
  const patterns: ReadonlyArray<readonly [CmsName, RegExp]> = [
    ["wordpress", /^\s*WordPress(?:\s+(\d+\.\d+(?:\.\d+)?))?\b/i],
    ["drupal", /^\s*Drupal(?:\s+(\d+(?:\.\d+)*))?\b/i],
    [
      "joomla",
      /^\s*Joomla!?(?:\s+(\d+\.\d+(?:\.\d+)?))?(?:\s*-\s*Open Source Content Management(?:\s*-\s*Version\s+(\d+\.\d+(?:\.\d+)?))?)?/i,
    ],
    ["ghost", /^\s*Ghost(?:\s+(\d+\.\d+(?:\.\d+)?))?\b/i],
  ];
  for (const [cms, pattern] of patterns) {
    const match = pattern.exec(value);
    if (!match) continue;
    detected(cms, where);
    const version = match[1] ?? match[2];
    if (version) seen(cms, version, where);
    return;
  }
}
