import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startDemoSite } from "../../src/interfaces/demo/vulnerable-site.ts";
import { testCa, trustTestCa } from "../support/certificates.ts";
import { CLOSED_PORT, startHttpsSite, type HttpsSite } from "../support/https-site.ts";
import { aboveInfo, FIXTURE_HOST, scanFixture } from "../support/scan-fixture.ts";
import type { TestServer } from "../support/server.ts";
import { loopbackScanning, startApp, type RunningApp } from "../api/app-harness.ts";

/**
 * We ask others for these headers and settings; our own server must pass its own scanner. The scan runs
 * with the CLI engine (no guard) over loopback, as app.fixture.test pinned to 127.0.0.1: once over plain
 * http (where "this site has no https" would rightly fire, so those two checks are left out, as in the
 * universal silence test), and once behind TLS with a test CA, where every check runs and our server
 * must send HSTS itself.
 */
const HTTP_ONLY = ["tls.no-https", "tls.http-not-redirected"];

trustTestCa();
const certificate = testCa().issue({ names: [FIXTURE_HOST] });

describe("amihackable scanning itself", () => {
  let site: Awaited<ReturnType<typeof startDemoSite>>;
  let server: RunningApp;
  let plain: TestServer;
  let secure: HttpsSite;
  let reportPath: string;

  before(async () => {
    site = await startDemoSite();
    server = await startApp({ config: loopbackScanning() });
    plain = { port: server.port, url: server.url, seen: [], close: () => server.close() };
    // The same app behind TLS: its request handler, fed by an https server (HSTS left to the app).
    secure = await startHttpsSite((req, res) => server.app.server.emit("request", req, res), {
      ...certificate,
      hsts: false,
    });
    const response = await server.postScan({ url: `http://127.0.0.1:${site.port}/` });
    reportPath = ((await response.json()) as { links: { page: string } }).links.page;
    await server.app.services.queue.idle();
  });
  after(async () => {
    await secure.server.close();
    await server.close();
    await site.close();
  });

  const pages = [
    ["the home page", () => "/"],
    ["a report page (findings with hostile evidence inside)", () => reportPath],
    ["a Learn article", () => "/learn/cors"],
  ] as const;

  for (const [name, path] of pages) {
    it(`reports nothing above informational on ${name}, over http`, async () => {
      const report = await scanFixture(plain, {
        path: path(),
        ignore: HTTP_ONLY,
        resolve: [`${FIXTURE_HOST}:443:127.0.0.1:${CLOSED_PORT}`],
      });
      assert.equal(report.outcome, "complete", JSON.stringify(report.issues));
      assert.deepEqual(aboveInfo(report), []);
    });

    it(`reports nothing above informational on ${name}, over https`, async () => {
      const report = await scanFixture(secure.server, {
        path: path(),
        scheme: "https",
        resolve: secure.resolve,
      });
      assert.equal(report.outcome, "complete", JSON.stringify(report.issues));
      assert.deepEqual(aboveInfo(report), []);
    });
  }
});
