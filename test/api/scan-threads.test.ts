import assert from "node:assert/strict";
import type { IncomingMessage, ServerResponse } from "node:http";
import { after, describe, it } from "node:test";
import { scanRequest } from "../../src/engine/index.ts";
import type { ProgressEvent } from "../../src/engine/index.ts";
import { ScanThreads } from "../../src/queue/index.ts";
import { startServer, type TestServer } from "../support/server.ts";

const POLICY = { allowAddresses: ["127.0.0.1"], allowNonDefaultPorts: true };

describe("ScanThreads", () => {
  const threads = new ScanThreads();
  const servers: TestServer[] = [];
  after(async () => {
    await threads.close();
    await Promise.all(servers.map((server) => server.close()));
  });

  it("scans in a thread, relays progress, and reuses the thread for the next scan", async () => {
    const site = await startServer((_req: IncomingMessage, res: ServerResponse) =>
      res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>ok</title>"),
    );
    servers.push(site);
    const request = scanRequest(`http://127.0.0.1:${site.port}/`, { only: ["headers"] });
    const events: ProgressEvent[] = [];
    const first = await threads.run(request, POLICY, {
      onProgress: (event) => events.push(event),
      signal: new AbortController().signal,
    });
    assert.equal(first.outcome, "complete");
    assert.ok(events.some((event) => event.type === "judging"));
    await threads.run(request, POLICY, { onProgress: () => undefined, signal: new AbortController().signal });
    assert.equal(threads.size, 1, "the second scan ran in the first scan's thread");
  });

  it("applies the policy in the thread: an address outside the allowlist is refused", async () => {
    const site = await startServer((_req: IncomingMessage, res: ServerResponse) => res.end("never"));
    servers.push(site);
    const report = await threads.run(
      scanRequest(`http://127.0.0.1:${site.port}/`, { only: ["headers"] }),
      { allowAddresses: [], allowNonDefaultPorts: true },
      { onProgress: () => undefined, signal: new AbortController().signal },
    );
    assert.equal(report.outcome, "unreachable");
    assert.match(report.failure ?? "", /loopback|not allowed|private/i);
  });

  it("hands back a partial report when the scan is cancelled", async () => {
    const held: ServerResponse[] = [];
    const site = await startServer((_req: IncomingMessage, res: ServerResponse) => void held.push(res));
    servers.push({ ...site, close: async () => (held.forEach((res) => res.destroy()), site.close()) });
    const controller = new AbortController();
    const running = threads.run(scanRequest(`http://127.0.0.1:${site.port}/`), POLICY, {
      onProgress: (event) => {
        if (event.type === "probe-start") controller.abort(new Error("cancelled by the test"));
      },
      signal: controller.signal,
    });
    const report = await running;
    assert.ok(
      report.issues.some((issue) => issue.message.includes("cancelled")),
      JSON.stringify(report.issues),
    );
  });
});
