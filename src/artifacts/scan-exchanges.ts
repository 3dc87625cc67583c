import { defineArtifact, defineProbeArtifact, type Exchange, type Discovery } from "../core/index.ts";

/** The discovery probe's name and the roles of what it fetches (written there, read by the builder in tests). */
export const DISCOVERY_PROBE = "discovery";
export const PAGE_ROLE = "page";
export const BUNDLE_ROLE = "bundle";

/**
 * Every exchange the scan recorded, whatever probe sent it, with the main page singled out: for checks
 * that judge any answer the site gave (a version banner, a stack trace, a key in the page). Which probes
 * ran depends on the other checks selected; the discovery probe, which every scan runs, produces it.
 */
export interface ScanExchanges {
  all: readonly Exchange[];
  /** The main document after redirects, when it answered. */
  page?: Exchange;
  byId(id: number): Exchange | undefined;
  /** The addresses the user pinned names to: where the scan connected, never the site's own leak. */
  pinnedAddresses: readonly string[];
}

export const ScanExchanges = defineArtifact("scan-exchanges", (recording): ScanExchanges => {
  const byId = new Map(recording.exchanges.map((exchange) => [exchange.id, exchange]));
  const pageId = recording.discovery.pageExchangeId;
  const page = pageId === undefined ? undefined : byId.get(pageId);
  return {
    all: recording.exchanges,
    ...(page ? { page } : {}),
    byId: (id) => byId.get(id),
    pinnedAddresses: recording.pinnedAddresses ?? [],
  };
});

/** What discovery found: the scripts, bundles, API endpoints and links of the page. */
export const DiscoveryResults = defineProbeArtifact(
  "discovery-results",
  (recording): Readonly<Discovery> => recording.discovery,
);
