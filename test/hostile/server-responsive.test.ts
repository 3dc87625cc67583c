import type { IncomingMessage, ServerResponse } from "node:http";
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startApp, type RunningApp } from "../api/app-harness.ts";
import { startServer, type TestServer } from "../support/server.ts";

/**
 * A target built to cost seconds of CPU to judge (scripts of 8 MiB that a secret rule must read, in
 * linear but real time) must not hold the server: every scan runs in a worker thread, so the home page
 * keeps answering while one is judged. Before, one such scan froze `GET /` for as long as it judged.
 * The bound is generous (a loaded 2-core machine); `npm run bench -- api` prints the real figure.
 */
const SCRIPTS = 4;
const SCRIPT = "passw".repeat((8 * 1024 * 1024) / 5);
const LATENCY_BOUND_MS = 1_500;

describe("the server stays responsive while a CPU-hostile scan is judged", () => {
  let target: TestServer;
  let server: RunningApp;
  before(async () => {
    target = await startServer((req: IncomingMessage, res: ServerResponse) => {
      if (req.url === "/") {
        const tags = Array.from({ length: SCRIPTS }, (_, i) => `<script src="/s${i}.js"></script>`).join("");
        res.writeHead(200, { "content-type": "text/html" }).end(`<!doctype html><title>x</title>${tags}`);
        return;
      }
      res.writeHead(200, { "content-type": "text/javascript" }).end(SCRIPT);
    });
    server = await startApp({ config: { allowAddresses: ["127.0.0.1"], allowNonDefaultPorts: true } });
  });
  after(async () => {
    await server.close();
    await target.close();
  });

  it("answers GET / quickly from the moment the scan starts until it is done", async () => {
    const posted = await server.postScan({
      url: `http://127.0.0.1:${target.port}/`,
      options: { only: ["secret"] },
    });
    assert.equal(posted.status, 202);
    const { id } = (await posted.json()) as { id: string };
    const done = server.app.services.queue.idle();
    let finished = false;
    void done.then(() => (finished = true));
    const latencies: number[] = [];
    while (!finished) {
      const started = performance.now();
      assert.equal((await server.fetch("/")).status, 200);
      latencies.push(performance.now() - started);
    }
    const stored = (await server.app.services.store.get(id))!;
    assert.equal(stored.status, "done", stored.error ?? "");
    assert.ok(stored.report!.requests.sent >= 1 + SCRIPTS, "the scripts were fetched and judged");
    assert.ok(latencies.length >= 5, `only ${latencies.length} requests answered during the scan`);
    const worst = Math.max(...latencies);
    assert.ok(worst < LATENCY_BOUND_MS, `GET / took ${Math.round(worst)} ms while the scan ran`);
  });
});
