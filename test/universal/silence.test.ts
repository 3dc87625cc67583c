import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { cdnSite } from "../fixtures/sites/cdn.ts";
import { spaSite } from "../fixtures/sites/spa.ts";
import { wellConfiguredSite } from "../fixtures/sites/well-configured.ts";
import { testCa, trustTestCa } from "../support/certificates.ts";
import { CLOSED_PORT, startHttpsSite } from "../support/https-site.ts";
import { aboveInfo, FIXTURE_HOST, scanFixture } from "../support/scan-fixture.ts";
import { startServer, type Handler, type TestServer } from "../support/server.ts";
import { startDnsServer, wellConfiguredZone, type ZoneRecord } from "../support/dns-server.ts";

/**
 * Universal silence (design rule 5): every check runs over a well-configured site, a single-page app that
 * answers 200 everywhere, and a CDN-fronted site, and none may report anything above informational.
 *
 * Each fixture runs twice. Over https (a certificate from a test CA this process trusts, an http:// twin
 * on port 80 that redirects to https), every check runs. Over plain http, the fixture has no https at all,
 * so the checks whose whole point is "this site lacks working https" (HTTP_ONLY) would rightly fire and
 * are left out; port 443 of the fixture's name is pinned to a closed port, so the scan asks no real DNS.
 *
 * The dns checks judge the domain, not the pages, so each fixture's scan sends every DNS question to a
 * test DNS server holding that fixture's zone: the well-configured site publishes SPF `-all`, DMARC
 * `reject`, CAA and name servers that refuse zone transfers; the SPA has no records at all (every
 * name is NXDOMAIN: a domain that does no mail is not accused of lacking SPF); the CDN-fronted site's
 * host is a CNAME to its CDN, which answers (a CNAME to a service that is claimed is not a takeover).
 */
const HTTP_ONLY: string[] = ["tls.no-https", "tls.http-not-redirected"];

trustTestCa();
const certificate = testCa().issue({ names: [FIXTURE_HOST] });

/** Each fixture is built given its own origin (the well-configured site allows exactly that origin). */
const DOMAIN = "fixture.test";
const CDN_ZONE: ZoneRecord[] = [
  { name: FIXTURE_HOST, type: "CNAME", data: "d1234.cdn-edge.test" },
  { name: "d1234.cdn-edge.test", type: "A", data: "127.0.0.1" },
];
const FIXTURES: ReadonlyArray<readonly [string, (origin: () => string) => Handler, ZoneRecord[]]> = [
  ["a single-page app answering 200 with index.html everywhere", () => spaSite, []],
  ["a CDN-fronted site with block pages and wildcard CORS on assets", () => cdnSite, CDN_ZONE],
  [
    "a well-configured site with an exact CORS allowlist",
    (origin) => wellConfiguredSite(origin),
    wellConfiguredZone(DOMAIN, [FIXTURE_HOST]),
  ],
];

describe("universal silence", () => {
  const servers: TestServer[] = [];
  after(async () => Promise.all(servers.map((server) => server.close())));

  for (const [name, make, zone] of FIXTURES) {
    describe(name, () => {
      const dns = startDnsServer({ records: zone });
      after(async () => (await dns).close());
      it("reports nothing above informational over http", async () => {
        let origin = "";
        const server = await startServer(make(() => origin));
        servers.push(server);
        origin = `http://${FIXTURE_HOST}:${server.port}`;
        const { address, port } = await dns;
        const report = await scanFixture(server, {
          ignore: HTTP_ONLY,
          dnsServer: address,
          resolve: [`${FIXTURE_HOST}:443:127.0.0.1:${CLOSED_PORT}`, `ns1.${DOMAIN}:53:127.0.0.1:${port}`],
        });
        assert.equal(report.outcome, "complete", JSON.stringify(report.issues));
        assert.deepEqual(aboveInfo(report), []);
      });

      it("reports nothing above informational over https", async () => {
        let origin = "";
        const site = await startHttpsSite(
          make(() => origin),
          certificate,
        );
        servers.push(site.server);
        origin = `https://${FIXTURE_HOST}:${site.server.port}`;
        const { address, port } = await dns;
        const report = await scanFixture(site.server, {
          scheme: "https",
          dnsServer: address,
          resolve: [...site.resolve, `ns1.${DOMAIN}:53:127.0.0.1:${port}`],
        });
        // The dns probe really asked this fixture's zone; a zone without CAA gets the informational note.
        assert.ok(report.probed.probes.includes("dns"));
        const caa = zone.some((record) => record.type === "CAA");
        assert.equal(
          report.findings.some((finding) => finding.id === "dns.caa-missing"),
          !caa,
        );
        assert.equal(report.outcome, "complete", JSON.stringify(report.issues));
        assert.deepEqual(aboveInfo(report), []);
        // The transport checks really looked: the http twin was visited and handshakes were tried.
        assert.ok(report.probed.probes.includes("tls-versions"));
        assert.ok(report.probed.urls.includes(`http://${FIXTURE_HOST}/`));
      });
    });
  }
});
