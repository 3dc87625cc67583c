import { bodyText, mimeType, isSameSite } from "../../core/index.ts";
import { BodyPool } from "../../http/index.ts";
import type { Probe, ProbeContext } from "../probe.ts";
import { extractEndpoints } from "./endpoint-extract.ts";
import { extractHtml, MAX_ITEMS } from "./html-extract.ts";
import {
  BaasConfiguration,
  BUNDLE_ROLE,
  DISCOVERY_PROBE,
  DiscoveryResults,
  PAGE_ROLE,
  ScanExchanges,
  ServedLibraries,
} from "../../artifacts/index.ts";

/** Limits on what discovery fetches: enough to see a real app's bundles, bounded against hostile pages. */
export const DISCOVERY_LIMITS = {
  maxBundles: 20,
  maxBundleBytes: 8 * 1024 * 1024,
  maxTotalBundleBytes: 30 * 1024 * 1024,
  maxEndpoints: 12,
  maxLinks: 50,
};

/**
 * Fetches the page (following redirects), parses it, fetches its same-site scripts, and collects the
 * API endpoints that the HTML and the scripts name.
 */
export const discoveryProbe: Probe = {
  name: DISCOVERY_PROBE,
  title: "Fetching the page and its scripts",
  after: [],
  produces: [ScanExchanges, DiscoveryResults, BaasConfiguration, ServedLibraries],
  async run(context) {
    const { target, http, discovery } = context;
    const page = await http.send({
      method: "GET",
      url: target.url,
      probe: DISCOVERY_PROBE,
      labels: { role: PAGE_ROLE },
      follow: true,
    });
    if (!page.response) {
      discovery.failedPageExchangeId = page.id;
      return;
    }
    discovery.pageExchangeId = page.id;
    discovery.finalUrl = page.request.url;
    discovery.endpoints.push({ url: page.request.url, source: "page" });
    if (page.response.truncated) {
      context.issue({
        kind: "truncated",
        url: page.request.url,
        message: `the page was cut at ${page.response.body.length} bytes (${page.response.truncated})`,
      });
    }
    const type = mimeType(page.response.headers);
    if (type !== "text/html" && type !== "application/xhtml+xml" && type !== "") return;

    const html = extractHtml(bodyText(page.response), page.request.url);
    const sameSite = (url: string) => isSameSite(target, new URL(url));
    for (const src of html.scriptSrcs) discovery.scripts.push({ url: src, sameSite: sameSite(src) });
    for (const inline of html.inlineScripts) discovery.scripts.push({ inline: inline.text, sameSite: true });
    discovery.links.push(...html.links.filter(sameSite).slice(0, DISCOVERY_LIMITS.maxLinks));

    const mentions = html.inlineScripts.flatMap((inline) =>
      extractEndpoints(inline.text, html.baseUrl).map((m) => ({ ...m, foundIn: page.request.url })),
    );
    if (html.scriptTags > MAX_ITEMS) {
      context.issue({
        kind: "limit",
        url: page.request.url,
        message: `the page names ${html.scriptTags} scripts; only the first ${MAX_ITEMS} were considered`,
      });
    }
    await fetchBundles(context, html.scriptSrcs.filter(sameSite), mentions);
    addEndpoints(context, mentions);
  },
};

async function fetchBundles(
  context: ProbeContext,
  urls: string[],
  mentions: Array<{ url: string; kind: string; foundIn: string }>,
): Promise<void> {
  const { http, discovery } = context;
  const chosen = urls.slice(0, DISCOVERY_LIMITS.maxBundles);
  if (urls.length > chosen.length) {
    context.issue({
      kind: "limit",
      message: `only the first ${chosen.length} of ${urls.length} same-site scripts were fetched`,
    });
  }
  // Drawn from as bytes arrive, so bundles fetched at once cannot together pass the total.
  const bundleBytes = new BodyPool(DISCOVERY_LIMITS.maxTotalBundleBytes);
  context.progress(`Fetching ${chosen.length} script${chosen.length === 1 ? "" : "s"}`);
  await Promise.all(
    chosen.map(async (url) => {
      if (bundleBytes.exhausted) return;
      const exchange = await http.send({
        method: "GET",
        url,
        probe: DISCOVERY_PROBE,
        labels: { role: BUNDLE_ROLE },
        follow: true,
        maxBodyBytes: DISCOVERY_LIMITS.maxBundleBytes,
        bodyPool: bundleBytes,
      });
      if (!exchange.response || exchange.response.status >= 400) return;
      // A single-page app answers a missing script with its HTML shell: that is not a bundle.
      if (mimeType(exchange.response.headers) === "text/html") return;
      discovery.bundles.push({ url: exchange.request.url, exchangeId: exchange.id });
      if (exchange.response.truncated) {
        context.issue({
          kind: "truncated",
          url,
          message: `script cut at ${exchange.response.body.length} bytes`,
        });
      }
      for (const mention of extractEndpoints(bodyText(exchange.response), exchange.request.url)) {
        mentions.push({ ...mention, foundIn: exchange.request.url });
      }
    }),
  );
  // Keep bundle order stable (document order), whatever order the responses came back in.
  const order = new Map(chosen.map((url, index) => [url, index]));
  discovery.bundles.sort((a, b) => (order.get(a.url) ?? 0) - (order.get(b.url) ?? 0));
}

/** Same-site endpoints, API-looking ones first, deduplicated by origin and path. */
function addEndpoints(
  context: ProbeContext,
  mentions: Array<{ url: string; kind: string; foundIn: string }>,
): void {
  const { target, discovery } = context;
  const seen = new Set(discovery.endpoints.map((endpoint) => pathKey(endpoint.url)));
  const ranked = mentions
    .filter((mention) => isSameSite(target, new URL(mention.url)))
    .map((mention) => ({ ...mention, rank: rank(mention.url, mention.kind) }))
    .sort((a, b) => a.rank - b.rank);
  for (const mention of ranked) {
    if (discovery.endpoints.length >= DISCOVERY_LIMITS.maxEndpoints) break;
    const key = pathKey(mention.url);
    if (seen.has(key)) continue;
    seen.add(key);
    discovery.endpoints.push({
      url: mention.url,
      source: mention.foundIn === discovery.finalUrl ? "html" : "bundle",
      foundIn: mention.foundIn,
    });
  }
}

function pathKey(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

function rank(url: string, kind: string): number {
  const path = new URL(url).pathname;
  const apiLike = /\/(api|graphql|rest|trpc|rpc|v\d+)(\/|$)/i.test(path) ? 0 : 2;
  const called = kind === "call" ? 0 : 1;
  return apiLike + called;
}
