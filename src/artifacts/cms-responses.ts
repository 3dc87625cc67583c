import { defineProbeArtifact, type Exchange, type Recording } from "../core/index.ts";
import { cmsPage, type CmsPage } from "./cms-page.ts";

/** The probe that asks CMS paths (written by probes/cms, read here). */
export const CMS_PROBE = "cms";
/** Its requests carry this role; `labels.ask` says which path (a CmsAsk). */
export const CMS_ROLE = "cms-path";

/**
 * What the checks ask the cms probe to cover (`{ kind: CmsResponses, request: "users" }`): the probe sends
 * only the paths of the requested topics, and only to a site whose page shows that CMS.
 */
export const CMS_TOPICS = ["version", "users", "xmlrpc", "install"] as const;
export type CmsTopic = (typeof CMS_TOPICS)[number];

/** Each path the probe may ask, under the CMS's base (the site's origin, or WordPress's folder). */
export const CMS_ASKS = {
  /** The RSS feed: `<generator>https://wordpress.org/?v=6.4.2</generator>`. Works with any permalinks. */
  "wp-feed": { path: "/?feed=rss2", topic: "version" },
  /** The readme of the release, shipped with every WordPress and often left in place. */
  "wp-readme": { path: "/readme.html", topic: "version" },
  /** The REST API's user list, public by default for users who have published posts. */
  "wp-users": { path: "/wp-json/wp/v2/users", topic: "users" },
  /** The same route without pretty permalinks (or with /wp-json/ blocked by path alone). */
  "wp-users-route": { path: "/?rest_route=/wp/v2/users", topic: "users" },
  /** The author archive of user 1: redirects to /author/NAME/ by default. */
  "wp-author": { path: "/?author=1", topic: "users" },
  /** XML-RPC, asked with a GET only: an open endpoint says it "accepts POST requests only". */
  "wp-xmlrpc": { path: "/xmlrpc.php", topic: "xmlrpc" },
  /** The installer: "Already Installed" on a working site, the install form on a fresh one. */
  "wp-install": { path: "/wp-admin/install.php", topic: "install" },
  /** Drupal 7 ships its changelog at the root; its first line is the running release. */
  "drupal-changelog": { path: "/CHANGELOG.txt", topic: "version" },
  /** Joomla's own manifest, readable by default, with `<version>`. */
  "joomla-manifest": { path: "/administrator/manifests/files/joomla.xml", topic: "version" },
} as const satisfies Record<string, { path: string; topic: CmsTopic }>;
export type CmsAsk = keyof typeof CMS_ASKS;

function isCmsAsk(value: string | undefined): value is CmsAsk {
  return value !== undefined && Object.hasOwn(CMS_ASKS, value);
}

/**
 * The main page read for CMS fingerprints, and the cms probe's answers by path (the last hop of each: the
 * answer after redirects, or the redirect itself for requests that do not follow, such as `?author=1`).
 */
export interface CmsResponses extends CmsPage {
  page?: Exchange;
  answers: Partial<Record<CmsAsk, Exchange>>;
}

export const CmsResponses = defineProbeArtifact("cms-responses", (recording: Recording): CmsResponses => {
  const page = recording.exchanges.find((exchange) => exchange.id === recording.discovery.pageExchangeId);
  const answers: Partial<Record<CmsAsk, Exchange>> = {};
  for (const exchange of recording.exchanges) {
    if (exchange.probe !== CMS_PROBE || exchange.labels.role !== CMS_ROLE) continue;
    const ask = exchange.labels.ask;
    if (isCmsAsk(ask)) answers[ask] = exchange;
  }
  return { ...cmsPage(page), ...(page ? { page } : {}), answers };
});
