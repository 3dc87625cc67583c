import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { scanFixture } from "../support/scan-fixture.ts";
import { startServer, type Handler, type TestServer } from "../support/server.ts";
import { kitchenSinkSite } from "./kitchen-sink-site.ts";
import { loopbackOnly } from "./loopback.ts";

/**
 * Safety (d): per-host concurrency is respected. The server counts the requests it holds at once; each
 * answer is held briefly (a server-side timer) so that a scanner ignoring the limit would pile up.
 */
describe("per-host concurrency holds for a whole scan", () => {
  let server: TestServer;
  let inFlight = 0;
  let most = 0;
  const counting: Handler = (req, res) => {
    inFlight++;
    most = Math.max(most, inFlight);
    res.on("close", () => inFlight--);
    const timer = setTimeout(() => kitchenSinkSite(req, res), 10);
    res.on("close", () => clearTimeout(timer));
  };

  before(async () => {
    server = await startServer(counting);
  });
  after(async () => server.close());

  for (const concurrency of [1, 2, 6]) {
    it(`never has more than ${concurrency} request${concurrency > 1 ? "s" : ""} in flight`, async () => {
      most = 0;
      const before = server.seen.length;
      const report = await scanFixture(server, { ...loopbackOnly(), concurrency });
      assert.notEqual(report.outcome, "unreachable", report.failure);
      assert.ok(server.seen.length - before >= 10, "the scan sent enough requests to overlap");
      assert.ok(most <= concurrency, `the server saw ${most} requests at once`);
      assert.equal(most, concurrency, "the allowed concurrency is used");
    });
  }
});
