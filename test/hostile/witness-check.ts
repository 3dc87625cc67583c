import type { Check } from "../../src/core/check.ts";
import { bodyText } from "../../src/core/body.ts";
import { DiscoveryResults, ScanExchanges } from "../../src/artifacts/scan-exchanges.ts";

export const WITNESS_ID = "test.witness";

/**
 * A check that reports what the judging stage saw of the main page: it proves that a page cut short
 * (by size, time or a bomb) is still judged, and how much of it the checks received.
 */
export const witnessCheck: Check = {
  meta: {
    id: WITNESS_ID,
    title: "What the checks saw",
    cvss: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N",
    cwe: "CWE-200",
    references: [],
    explanation: "Test instrumentation.",
    fixes: {},
    learn: "information-leaks#witness",
    needs: [ScanExchanges, DiscoveryResults],
  },
  analyse(artifacts) {
    const page = artifacts.read(ScanExchanges).page;
    const discovery = artifacts.read(DiscoveryResults);
    if (!page?.response) return [];
    const text = bodyText(page.response);
    return [
      {
        url: page.request.url,
        summary: "The page was judged.",
        evidence: [],
        details: {
          bodyChars: String(text.length),
          truncated: page.response.truncated ?? "no",
          bundles: String(discovery.bundles.length),
          endpoints: discovery.endpoints.map((endpoint) => new URL(endpoint.url).pathname).join(" "),
        },
      },
    ];
  },
};
