import assert from "node:assert/strict";
import type http from "node:http";
import { after, describe, it } from "node:test";
import { scanFixture } from "../support/scan-fixture.ts";
import { startServer, type Handler, type TestServer } from "../support/server.ts";
import { loopbackOnly } from "./loopback.ts";
import { timed } from "./memory.ts";

const TIMEOUT_MS = 3_000;
/** A behaviour bound, not a performance target: the scan must stop near its deadline, not minutes later. */
const BOUND_MS = TIMEOUT_MS + 5_000;

/** A normal page whose bundle names API endpoints that answer late or never. */
function slowApiSite(answerApi: (res: http.ServerResponse) => void): Handler {
  return (req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (path === "/") {
      res
        .writeHead(200, { "content-type": "text/html" })
        .end('<!doctype html><title>Slow API</title><script src="/app.js"></script>');
    } else if (path === "/app.js") {
      res
        .writeHead(200, { "content-type": "text/javascript" })
        .end('fetch("/api/slow");fetch("/api/slower");');
    } else if (path.startsWith("/api")) {
      answerApi(res);
    } else {
      res.writeHead(404).end();
    }
  };
}

/**
 * Safety (c): the scan's deadline holds against endpoints that never answer, or answer after it: the
 * scan ends within timeout + a small grace (measured here), and the report says it is partial.
 */
describe("the scan deadline holds against slow endpoints", { concurrency: true }, () => {
  const servers: TestServer[] = [];
  after(async () => Promise.all(servers.map((server) => server.close())));

  for (const [name, answer] of [
    ["an API that never answers", () => undefined],
    [
      "an API that answers only after the deadline",
      (res: http.ServerResponse) => {
        const timer = setTimeout(() => res.end("{}"), TIMEOUT_MS * 4);
        res.on("close", () => clearTimeout(timer));
      },
    ],
    [
      "an API that sends headers and then drips its body forever",
      (res: http.ServerResponse) => {
        res.writeHead(200, { "content-type": "application/json" });
        const timer = setInterval(() => res.write(" "), 100);
        res.on("close", () => clearInterval(timer));
      },
    ],
  ] as const) {
    it(`ends near the deadline and says the results are partial: ${name}`, async () => {
      const server = await startServer(slowApiSite(answer));
      servers.push(server);
      const { result: report, ms } = await timed(() =>
        scanFixture(server, { ...loopbackOnly(), timeoutMs: TIMEOUT_MS }),
      );
      assert.ok(ms < BOUND_MS, `the scan took ${Math.round(ms)} ms`);
      assert.equal(report.outcome, "partial", JSON.stringify(report.issues));
      assert.ok(report.issues.some((issue) => issue.kind === "deadline"));
      assert.ok(
        server.seen.some((seen) => seen.url.startsWith("/api/slow")),
        "the slow API was asked",
      );
    });
  }

  it("ends near the deadline when the page itself never answers, and says why", async () => {
    const server = await startServer(() => undefined);
    servers.push(server);
    const { result: report, ms } = await timed(() =>
      scanFixture(server, { ...loopbackOnly(), timeoutMs: TIMEOUT_MS }),
    );
    assert.ok(ms < BOUND_MS, `the scan took ${Math.round(ms)} ms`);
    assert.equal(report.outcome, "unreachable");
    assert.match(report.failure ?? "", /time limit passed/);
  });

  it("stops at once when the caller cancels", async () => {
    const controller = new AbortController();
    // The caller gives up as soon as the scan is stuck on the slow API.
    const server = await startServer(slowApiSite(() => controller.abort()));
    servers.push(server);
    const { result: report, ms } = await timed(() =>
      scanFixture(server, { ...loopbackOnly(), signal: controller.signal }),
    );
    assert.ok(ms < BOUND_MS, `the scan took ${Math.round(ms)} ms`);
    assert.equal(report.outcome, "partial");
    assert.ok(report.issues.some((issue) => issue.message.includes("cancelled")));
  });
});
