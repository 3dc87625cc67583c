import {
  CMS_ASKS,
  CMS_PROBE,
  CMS_ROLE,
  type CmsAsk,
  cmsPage,
  CmsResponses,
  type CmsTopic,
  DRUPAL_7_SCRIPT,
} from "../../artifacts/index.ts";
import { bodyText, type Exchange } from "../../core/index.ts";
import type { Probe, ProbeContext } from "../probe.ts";

/** Every answer here is a small page, a short JSON list or a feed: what is past this is not read. */
const MAX_BODY_BYTES = 128 * 1024;

/**
 * Asks a few fixed paths of the CMS the main page shows (WordPress: feed, readme, user list, author
 * archive, XML-RPC, installer; Drupal 7: its changelog; Joomla: its manifest), only for the topics the
 * selected checks request. A site whose page shows no CMS costs nothing: a single-page app with a `wp-`
 * path in its code is not WordPress, and is never asked. GETs only; XML-RPC is never sent a method call.
 */
export const cmsProbe: Probe = {
  name: CMS_PROBE,
  title: "Looking at the CMS",
  after: ["discovery"],
  produces: [CmsResponses],
  async run(context) {
    const requested = context.requested(CmsResponses);
    const page = context.http.exchanges.find((exchange) => exchange.id === context.discovery.pageExchangeId);
    const found = cmsPage(page);
    const origin = new URL(context.discovery.finalUrl ?? context.target.url).origin;
    const asks: Array<[CmsAsk, string]> = [];
    const wants = (ask: CmsAsk) => requested.has(CMS_ASKS[ask].topic satisfies CmsTopic);
    if (found.detected.wordpress) {
      const base = found.wordpressBase ?? origin;
      for (const ask of ["wp-feed", "wp-readme", "wp-xmlrpc", "wp-install"] as const)
        if (wants(ask)) asks.push([ask, base]);
      if (wants("wp-users")) await askUsers(context, base);
    }
    const drupal = found.detected.drupal;
    const drupalMajor = found.versions.find((sighting) => sighting.cms === "drupal")?.version.split(".")[0];
    // Drupal 8 and later keep no changelog at the root; 7 does, and names its exact release on line one.
    if (drupal && (drupalMajor === "7" || (!drupalMajor && drupal.includes(DRUPAL_7_SCRIPT))))
      if (wants("drupal-changelog")) asks.push(["drupal-changelog", origin]);
    if (found.detected.joomla && wants("joomla-manifest")) asks.push(["joomla-manifest", origin]);
    if (asks.length === 0) return;
    context.progress(`Asking ${asks.length} CMS paths`);
    await Promise.all(asks.map(([ask, base]) => send(context, ask, base)));
  },
};

/**
 * The REST list first; the `?rest_route=` form only when the first did not list anyone (plain permalinks,
 * or a rule that blocks the /wp-json/ path but not the route). The author archive always: a site that
 * closes the REST list often still redirects `?author=1` to the author's name.
 */
async function askUsers(context: ProbeContext, base: string): Promise<void> {
  const [rest] = await Promise.all([send(context, "wp-users", base), send(context, "wp-author", base)]);
  if (!listsUsers(rest)) await send(context, "wp-users-route", base);
}

/** A 200 JSON array with at least one object: enough to say the first form answered. */
function listsUsers(exchange: Exchange): boolean {
  if (exchange.response?.status !== 200) return false;
  return /^\s*\[\s*\{/.test(bodyText(exchange.response).slice(0, 64));
}

function send(context: ProbeContext, ask: CmsAsk, base: string): Promise<Exchange> {
  return context.http.send({
    method: "GET",
    url: `${base}${CMS_ASKS[ask].path}`,
    probe: CMS_PROBE,
    labels: { role: CMS_ROLE, ask },
    // The author archive's redirect is the answer (its Location names the user): not followed.
    follow: ask !== "wp-author" && ask !== "wp-xmlrpc",
    maxBodyBytes: MAX_BODY_BYTES,
  });
}
