import { API_HOST, bundleOnlyApiSite } from "../test/fixtures/cors/bundle-only-api.ts";
import { expressSite } from "../test/fixtures/cors/frameworks.ts";
import { handRolledSite } from "../test/fixtures/cors/hand-rolled.ts";
import { API_HOST as SIBLING_API, frontEndOnly, SIBLING_PINS } from "../test/fixtures/cors/sibling-trust.ts";
import { cdnSite } from "../test/fixtures/sites/cdn.ts";
import { spaSite } from "../test/fixtures/sites/spa.ts";
import { scanFixtureAlone } from "../test/support/scan-fixture.ts";
import { startServer, type TestServer } from "../test/support/server.ts";

/**
 * What the CORS family costs on typical sites: requests sent by a CORS-only scan (discovery's page and
 * bundle included) and the median wall time of a few runs. Loopback only.
 */
const RUNS = 5;

const SITES: Array<[name: string, start: () => Promise<TestServer>, resolve?: string[], host?: string]> = [
  [
    "express + cors, exact allowlist (typical)",
    () => expressSite((site) => ({ origin: [site.origin], credentials: true })).start(),
  ],
  [
    "express + cors({ origin: true, credentials: true })",
    () => expressSite(() => ({ origin: true, credentials: true })).start(),
  ],
  [
    "hand-rolled endsWith without the dot",
    () => startServer(handRolledSite({ allow: ({ hostname }) => hostname.endsWith("fixture.test") })),
  ],
  [
    "API on two hosts, named only in the bundle",
    () => startServer(bundleOnlyApiSite),
    [`${API_HOST}:*:127.0.0.1`],
  ],
  [
    "API trusting only its front-end, no Vary (api. trusts https://app.)",
    () => startServer(handRolledSite({ ...frontEndOnly, vary: false, cacheControl: "public, max-age=60" })),
    SIBLING_PINS.resolve,
    SIBLING_API,
  ],
  ["single-page app (200 everywhere)", () => startServer(spaSite)],
  ["CDN-fronted site", () => startServer(cdnSite)],
];

export default async function bench(): Promise<void> {
  for (const [name, start, resolve, host] of SITES) {
    const server = await start();
    try {
      const options = { only: ["cors"], ...(resolve ? { resolve } : {}), ...(host ? { host } : {}) };
      await scanFixtureAlone(server, options);
      const times: number[] = [];
      let requests = 0;
      let findings: string[] = [];
      for (let run = 0; run < RUNS; run++) {
        const started = performance.now();
        const report = await scanFixtureAlone(server, options);
        times.push(performance.now() - started);
        requests = report.requests.sent;
        findings = report.findings.map((finding) => finding.id);
      }
      times.sort((a, b) => a - b);
      const median = times[Math.floor(times.length / 2)]!;
      console.log(
        `${name}: ${requests} requests, median ${median.toFixed(0)} ms, findings: ${findings.join(", ") || "none"}`,
      );
    } finally {
      await server.close();
    }
  }
}
