import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Report } from "../../src/engine/report.ts";
import type { ScanQueue, ScanRunner } from "../../src/queue/scan-queue.ts";
import { fetch, openApiValidator, startApp, type RunningApp } from "./app-harness.ts";
import { fakeReport } from "./fake-report.ts";

const validate = openApiValidator();

interface BatchBody {
  id: string;
  total: number;
  counts: Record<string, number>;
  scans: Array<{ id: string; url: string; status: string; position: number | null; grade: string | null }>;
  links: { self: string };
}

/** Scans recorded in the order they started; each finishes at once with an empty report. */
function recordingRunner(started: string[]): ScanRunner {
  return async (scan): Promise<Report> => {
    started.push(scan.url);
    return fakeReport(scan.url);
  };
}

function postBatch(server: RunningApp, body: unknown, client = "198.51.100.1") {
  return fetch(`${server.url}/api/v1/batches`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": client },
    body: JSON.stringify(body),
  });
}

describe("batches in the API", () => {
  it("scans a list (duplicates once), answers each site's scan in order, and tracks them to done", async () => {
    const started: string[] = [];
    const server = await startApp({
      paused: true,
      runner: recordingRunner(started),
      config: { trustProxy: true },
    });
    try {
      const response = await postBatch(server, {
        urls: ["a.example", "https://b.example/", "https://A.example", "c.example/path"],
        options: { only: ["headers"] },
      });
      assert.equal(response.status, 202);
      const batch = (await response.json()) as BatchBody;
      assert.deepEqual(validate("Batch", batch), []);
      assert.equal(response.headers.get("location"), `/api/v1/batches/${batch.id}`);
      assert.equal(batch.total, 3);
      assert.deepEqual(
        batch.scans.map((scan) => [scan.url, scan.status, scan.position]),
        [
          ["https://a.example/", "queued", 1],
          ["https://b.example/", "queued", 2],
          ["https://c.example/path", "queued", 3],
        ],
      );
      assert.equal(batch.counts.queued, 3);

      (server.app.services.queue as ScanQueue).resume();
      await server.app.services.queue.idle();
      const done = (await (await server.fetch(`/api/v1/batches/${batch.id}`)).json()) as BatchBody;
      assert.deepEqual(validate("Batch", done), []);
      assert.deepEqual(done.counts, { queued: 0, running: 0, done: 3, failed: 0, interrupted: 0 });
      assert.deepEqual(
        done.scans.map((scan) => [scan.id, scan.status, scan.grade]),
        batch.scans.map((scan) => [scan.id, "done", "A+"]),
      );
      assert.deepEqual(started, ["https://a.example/", "https://b.example/", "https://c.example/path"]);
    } finally {
      await server.close();
    }
  });

  it("joins a scan of the same site already waiting, instead of scanning it twice", async () => {
    const server = await startApp({ paused: true, config: { trustProxy: true } });
    try {
      const single = (await (await server.postScan({ url: "https://b.example/" })).json()) as { id: string };
      const batch = (await (
        await postBatch(server, { urls: ["a.example", "b.example"] })
      ).json()) as BatchBody;
      assert.equal(batch.scans[1]?.id, single.id);
      assert.equal(server.app.services.queue.waitingCount, 2);
    } finally {
      await server.close();
    }
  });

  it("serves a batch in turn with other clients' scans: it does not hold the line", async () => {
    const started: string[] = [];
    const server = await startApp({
      paused: true,
      runner: recordingRunner(started),
      config: { trustProxy: true, concurrency: 1 },
    });
    try {
      await postBatch(server, { urls: ["a1.example", "a2.example", "a3.example"] }, "198.51.100.1");
      await server.fetch("/api/v1/scans", {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": "198.51.100.2" },
        body: JSON.stringify({ url: "b1.example" }),
      });
      (server.app.services.queue as ScanQueue).resume();
      await server.app.services.queue.idle();
      assert.deepEqual(started, [
        "https://a1.example/",
        "https://b1.example/",
        "https://a2.example/",
        "https://a3.example/",
      ]);
    } finally {
      await server.close();
    }
  });

  it("refuses a list with a bad URL (naming its place), too many sites, or none", async () => {
    const server = await startApp({ paused: true, config: { trustProxy: true, maxBatchSize: 2 } });
    try {
      const bad = await postBatch(server, { urls: ["a.example", "http://127.0.0.1/", "c.example"] });
      assert.equal(bad.status, 422);
      const badBody = (await bad.json()) as { error: { code: string; message: string } };
      assert.equal(badBody.error.code, "target_not_allowed");
      assert.match(badBody.error.message, /^urls\[1\]: This address cannot be scanned/);
      const invalid = await postBatch(server, { urls: ["a.example", "ftp://x"] });
      assert.equal(invalid.status, 400);
      assert.match(((await invalid.json()) as { error: { message: string } }).error.message, /^urls\[1\]: /);
      const large = await postBatch(server, { urls: ["a.example", "b.example", "c.example"] });
      assert.equal(large.status, 400);
      assert.deepEqual(await large.json(), {
        error: {
          code: "batch_too_large",
          message: "A batch may list 2 different sites at most; this one lists 3.",
        },
      });
      const empty = await postBatch(server, { urls: [] });
      assert.equal(empty.status, 400);
      assert.equal(server.app.services.queue.waitingCount, 0, "nothing was queued by a refused batch");
      const missing = await server.fetch("/api/v1/batches/AAAAAAAAAAAAAAAAAAAAAA");
      assert.equal(missing.status, 404);
      assert.equal((await server.fetch("/api/v1/batches/not-an-id")).status, 404);
    } finally {
      await server.close();
    }
  });
});
