import { isSameSite } from "../../core/index.ts";
import { BodyPool } from "../../http/index.ts";
import type { Probe } from "../probe.ts";
import { sourceMapReference } from "./source-map-url.ts";
import { SecretSightings, SOURCE_MAP_ROLE, SOURCE_MAPS_PROBE, SourceMaps } from "../../artifacts/index.ts";

/** Maps are big (often several times their bundle): bounded in count, each, and in all. */
export const SOURCE_MAP_LIMITS = {
  maps: 8,
  maxMapBytes: 4 * 1024 * 1024,
  maxTotalMapBytes: 16 * 1024 * 1024,
};

/**
 * Fetches the source map of each same-site bundle discovery found: the one its header or comment names,
 * or the hidden `<bundle>.map` beside it. Inline (data:) maps need no request; the checks read them from
 * the bundle. Judges nothing.
 */
export const sourceMapsProbe: Probe = {
  name: SOURCE_MAPS_PROBE,
  title: "Fetching source maps",
  after: ["discovery"],
  produces: [SourceMaps, SecretSightings],
  async run(context) {
    const exchanges = new Map(context.http.exchanges.map((exchange) => [exchange.id, exchange]));
    const wanted: Array<{ url: string; bundle: string; via: string }> = [];
    for (const bundle of context.discovery.bundles) {
      const exchange = exchanges.get(bundle.exchangeId);
      const reference = exchange && sourceMapReference(exchange);
      if (!reference || reference.via === "inline") continue;
      if (!isSameSite(context.target, new URL(reference.url))) continue;
      if (wanted.some((entry) => entry.url === reference.url)) continue;
      wanted.push({ url: reference.url, bundle: bundle.url, via: reference.via });
    }
    const chosen = wanted.slice(0, SOURCE_MAP_LIMITS.maps);
    if (wanted.length > chosen.length) {
      context.issue({
        kind: "limit",
        message: `only the source maps of the first ${chosen.length} of ${wanted.length} bundles were fetched`,
      });
    }
    if (chosen.length === 0) return;
    context.progress(`Fetching ${chosen.length} source map${chosen.length === 1 ? "" : "s"}`);
    const pool = new BodyPool(SOURCE_MAP_LIMITS.maxTotalMapBytes);
    await Promise.all(
      chosen.map((entry) =>
        context.http.send({
          method: "GET",
          url: entry.url,
          probe: SOURCE_MAPS_PROBE,
          labels: { role: SOURCE_MAP_ROLE, bundle: entry.bundle, via: entry.via },
          maxBodyBytes: SOURCE_MAP_LIMITS.maxMapBytes,
          bodyPool: pool,
        }),
      ),
    );
  },
};
