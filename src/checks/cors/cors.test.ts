import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import type { Finding } from "../../core/finding.ts";
import type { Report } from "../../engine/report.ts";
import { API_HOST, bundleOnlyApiSite } from "../../../test/fixtures/cors/bundle-only-api.ts";
import { expressSite } from "../../../test/fixtures/cors/frameworks.ts";
import { lazySite } from "../../../test/fixtures/cors/lazy-server.ts";
import { handRolledSite } from "../../../test/fixtures/cors/hand-rolled.ts";
import { ACCOUNT_JSON, API_PATH, BUNDLE_JS, BUNDLE_PATH } from "../../../test/fixtures/cors/app-shell.ts";
import {
  API_HOST as SIBLING_API,
  frontEndOnly,
  SIBLING_PINS,
} from "../../../test/fixtures/cors/sibling-trust.ts";
import { cdnSite } from "../../../test/fixtures/sites/cdn.ts";
import { spaSite } from "../../../test/fixtures/sites/spa.ts";
import { wellConfiguredSite } from "../../../test/fixtures/sites/well-configured.ts";
import { aboveInfo, FIXTURE_HOST, ids, scanFixture } from "../../../test/support/scan-fixture.ts";
import { startServer, type Handler, type TestServer } from "../../../test/support/server.ts";

/**
 * The CORS family as a whole, over real servers: endpoints found only in a bundle, one finding per host,
 * evidence a person can replay, silence on well-configured sites, and a modest request count.
 */
describe("cors family", () => {
  const servers: TestServer[] = [];
  after(async () => Promise.all(servers.map((server) => server.close())));
  const started = async (server: Promise<TestServer>) => {
    const running = await server;
    servers.push(running);
    return running;
  };

  describe("a homepage without CORS whose bundle names the API (relative and on a sibling host)", () => {
    let report: Report;
    let server: TestServer;
    const reflected = () => report.findings.filter((finding) => finding.id === "cors.origin-reflected");

    it("scans", async () => {
      server = await started(startServer(bundleOnlyApiSite));
      report = await scanFixture(server, { only: ["cors"], resolve: [`${API_HOST}:*:127.0.0.1`] });
      assert.equal(report.outcome, "complete", JSON.stringify(report.issues));
    });

    it("finds the reflection on both hosts, one finding per host, none on the homepage", () => {
      const app = `http://${FIXTURE_HOST}:${server.port}`;
      const byHost = new Map(reflected().map((finding) => [new URL(finding.url).host, finding]));
      assert.equal(
        reflected().length,
        2,
        reflected()
          .map((f) => f.url)
          .join(", "),
      );
      assert.deepEqual(byHost.get(`${FIXTURE_HOST}:${server.port}`)?.urls, [
        `${app}/api/account`,
        `${app}/api/orders?status=open&limit=5`,
      ]);
      assert.deepEqual(byHost.get(`${API_HOST}:${server.port}`)?.urls, [
        `http://${API_HOST}:${server.port}/v1/me`,
      ]);
      for (const finding of report.findings) assert.notEqual(finding.url, `${app}/`);
    });

    it("reports each id at most once per URL", () => {
      assertNoDuplicates(report.findings);
    });

    it("gives replayable evidence: request and response headers, and a curl line", () => {
      for (const finding of reflected()) {
        const evidence = finding.evidence[0];
        assert.ok(evidence?.request && evidence.response && evidence.curl);
        const sent = new Map(evidence.request.headers);
        const received = new Map(evidence.response.headers);
        assert.equal(sent.get("origin"), "https://amihackable-attacker.com");
        assert.equal(received.get("access-control-allow-origin"), "https://amihackable-attacker.com");
        assert.equal(received.get("access-control-allow-credentials"), "true");
        assert.match(evidence.curl, /-H 'origin: https:\/\/amihackable-attacker\.com'/);
        assert.ok(evidence.curl.endsWith(`'${evidence.request.url}'`));
      }
    });

    it("attaches a PoC page that reads the finding's URL with credentials", () => {
      for (const finding of reflected()) {
        const poc = finding.poc ?? "";
        assert.match(poc, /credentials: "include"/);
        assert.ok(poc.includes(JSON.stringify(finding.url)), "URL as a JS string");
        assert.ok(poc.includes(`<h1>Cross-origin read of ${finding.url}</h1>`), "URL as HTML text");
      }
    });
  });

  describe("silence on well-configured sites (nothing above informational)", () => {
    for (const [name, make] of [
      [
        "express + cors with an exact array of origins",
        () => expressSite((site) => ({ origin: [site.origin], credentials: true })).start(),
      ],
      [
        "the well-configured fixture",
        () => lazySite((site) => wellConfiguredSite(() => site.origin)).start(),
      ],
      ["a single-page app answering 200 everywhere", () => startServer(spaSite)],
      ["a CDN-fronted site", () => startServer(cdnSite)],
    ] as const) {
      it(name, async () => {
        const server = await started(make());
        const report = await scanFixture(server, { only: ["cors"] });
        assert.equal(report.outcome, "complete", JSON.stringify(report.issues));
        assert.deepEqual(aboveInfo(report), []);
      });
    }
  });

  describe("an API that trusts only its front-end on a sibling host", () => {
    it("an exact allowlist with Vary and a working preflight stays silent (not even informational)", async () => {
      const server = await started(
        startServer(handRolledSite({ ...frontEndOnly, cacheControl: "public, max-age=300" })),
      );
      const report = await scanFixture(server, { only: ["cors"], host: SIBLING_API, ...SIBLING_PINS });
      assert.equal(report.outcome, "complete", JSON.stringify(report.issues));
      assert.deepEqual(ids(report), []);
    });

    it("finds a front-end named only by the page's links (portal.) and judges Vary against it", async () => {
      const portal = "https://portal.fixture.test";
      const server = await started(
        startServer(((req, res) => {
          const path = (req.url ?? "/").split("?")[0];
          if (path === "/") {
            const html = `<!doctype html><title>API</title><a href="${portal}/login">Sign in</a><script src="${BUNDLE_PATH}"></script>`;
            res.writeHead(200, { "content-type": "text/html" }).end(html);
          } else if (path === BUNDLE_PATH) {
            res.writeHead(200, { "content-type": "text/javascript" }).end(BUNDLE_JS);
          } else if (path === API_PATH) {
            const allowed = req.headers.origin === portal;
            res.writeHead(200, {
              "content-type": "application/json",
              "cache-control": "public, max-age=300",
              ...(allowed
                ? { "access-control-allow-origin": portal, "access-control-allow-credentials": "true" }
                : {}),
            });
            res.end(ACCOUNT_JSON);
          } else res.writeHead(404).end();
        }) satisfies Handler),
      );
      const report = await scanFixture(server, { only: ["cors"], host: SIBLING_API, ...SIBLING_PINS });
      assert.deepEqual(ids(report), ["cors.missing-vary-origin"]);
      assert.ok(report.findings[0]!.summary.includes(portal), report.findings[0]!.summary);
    });
  });

  describe("request count", () => {
    it("a site where nothing speaks CORS (an SPA) stays within the family's cap of 62", async () => {
      const server = await started(startServer(spaSite));
      const report = await scanFixture(server, { only: ["cors"] });
      // Discovery's page, then CORS: first pass, candidate trusted origins, bypasses on the main endpoint.
      assert.ok(report.requests.sent <= 1 + 62, `sent ${report.requests.sent}`);
    });

    it("a typical app (bundle-called API behind an exact allowlist) costs at most 25 requests", async () => {
      const server = await started(
        expressSite((site) => ({ origin: [site.origin], credentials: true })).start(),
      );
      const report = await scanFixture(server, { only: ["cors"] });
      // 2 for discovery (page, bundle), 20 for CORS: see src/probes/cors/probe.ts.
      assert.ok(report.requests.sent <= 25, `sent ${report.requests.sent}`);
    });
  });
});

function assertNoDuplicates(findings: readonly Finding[]): void {
  const keys = findings.flatMap((finding) => finding.urls.map((url) => `${finding.id} ${url}`));
  assert.equal(new Set(keys).size, keys.length, keys.join("\n"));
}
