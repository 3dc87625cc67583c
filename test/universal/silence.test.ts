import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { cdnSite } from "../fixtures/sites/cdn.ts";
import { spaSite } from "../fixtures/sites/spa.ts";
import { wellConfiguredSite } from "../fixtures/sites/well-configured.ts";
import { aboveInfo, FIXTURE_HOST, scanFixture } from "../support/scan-fixture.ts";
import { startServer, type TestServer } from "../support/server.ts";

/**
 * Universal silence (design rule 5): every check runs over a well-configured site, a single-page app that
 * answers 200 everywhere, and a CDN-fronted site, and none may report anything above informational.
 * These fixtures are served over plain http on loopback; checks that only make sense over https
 * (HSTS, certificates) are exercised over https in their own tests.
 */
const HTTP_ONLY: string[] = [];

describe("universal silence", () => {
  const servers: TestServer[] = [];
  after(async () => Promise.all(servers.map((server) => server.close())));

  for (const [name, make] of [
    ["a single-page app answering 200 with index.html everywhere", () => startServer(spaSite)],
    ["a CDN-fronted site with block pages and wildcard CORS on assets", () => startServer(cdnSite)],
    [
      "a well-configured site with an exact CORS allowlist",
      () => startServer(wellConfiguredSite(() => `http://${FIXTURE_HOST}:${servers.at(-1)?.port ?? 0}`)),
    ],
  ] as const) {
    describe(name, () => {
      let server: TestServer;
      before(async () => {
        server = await make();
        servers.push(server);
      });
      it("reports nothing above informational", async () => {
        const report = await scanFixture(server, { ignore: HTTP_ONLY });
        assert.equal(report.outcome, "complete", JSON.stringify(report.issues));
        assert.deepEqual(aboveInfo(report), []);
      });
    });
  }
});
