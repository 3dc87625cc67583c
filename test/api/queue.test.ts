import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Report } from "../../src/engine/report.ts";
import { startDemoSite } from "../../src/interfaces/demo/vulnerable-site.ts";
import type { ScanRunner } from "../../src/queue/scan-queue.ts";
import { SqliteScanStore } from "../../src/store/sqlite-scan-store.ts";
import { loopbackScanning, readEvents, startApp } from "./app-harness.ts";
import { fakeReport } from "./fake-report.ts";

/** A runner whose scans finish only when the test says so: queue order without timing. */
function gatedRunner() {
  const gates = new Map<string, () => void>();
  const started: string[] = [];
  let onStart: (() => void) | undefined;
  const runner: ScanRunner = (scan, hooks) => {
    started.push(scan.id);
    onStart?.();
    hooks.onProgress({ type: "probe-start", probe: "cors", title: "Probing CORS" });
    return new Promise<Report>((resolve, reject) => {
      gates.set(scan.id, () => resolve(fakeReport(scan.url)));
      hooks.signal.addEventListener("abort", () => reject(new Error("aborted")), { once: true });
    });
  };
  return {
    runner,
    started,
    release: (id: string) => gates.get(id)?.(),
    /** Resolves once `count` scans have started. */
    startedCount: (count: number) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (started.length >= count) resolve();
        };
        onStart = check;
        check();
      }),
  };
}

describe("the in-process queue", () => {
  it("runs at most `concurrency` scans and reports the place in line of the others", async () => {
    const gate = gatedRunner();
    const server = await startApp({ runner: gate.runner, config: { concurrency: 2 } });
    try {
      const ids: string[] = [];
      for (const name of ["a", "b", "c", "d"]) {
        const response = await server.postScan({ url: `https://${name}.example/` });
        ids.push(((await response.json()) as { id: string }).id);
      }
      await gate.startedCount(2);
      assert.deepEqual(gate.started, ids.slice(0, 2));
      const third = (await (await server.fetch(`/api/v1/scans/${ids[2]}`)).json()) as {
        status: string;
        position: number;
      };
      const fourth = (await (await server.fetch(`/api/v1/scans/${ids[3]}`)).json()) as {
        status: string;
        position: number;
      };
      assert.deepEqual([third.status, third.position, fourth.position], ["queued", 1, 2]);
      const running = (await (await server.fetch(`/api/v1/scans/${ids[0]}`)).json()) as {
        status: string;
        progress: { probe: string };
      };
      assert.equal(running.status, "running");
      assert.equal(running.progress.probe, "cors");

      // Watching the fourth: it moves up when a slot frees.
      const watching = readEvents(`${server.url}/api/v1/scans/${ids[3]}/events`, (events) =>
        events.some((e) => (e.data as { position?: number }).position === 1),
      );
      gate.release(ids[0]!);
      const events = await watching;
      assert.deepEqual(events.at(-1)?.data, { type: "status", status: "queued", position: 1 });
      await gate.startedCount(3);
      for (const id of ids) gate.release(id);
      await gate.startedCount(4);
      gate.release(ids[3]!);
      await server.app.services.queue.idle();
      for (const id of ids) assert.equal((await server.app.services.store.get(id))?.status, "done");
    } finally {
      await server.close();
    }
  });

  it("stores a scan cut short by a shutdown as interrupted, and runs it again on the next start", async () => {
    const store = new SqliteScanStore(":memory:");
    const gate = gatedRunner();
    const first = await startApp({ store, runner: gate.runner });
    const response = await first.postScan({ url: "https://a.example/" });
    const { id } = (await response.json()) as { id: string };
    await gate.startedCount(1);
    await first.close();
    assert.equal((await store.get(id))?.status, "interrupted");

    const again = gatedRunner();
    const second = await startApp({ store, runner: again.runner });
    try {
      await again.startedCount(1);
      assert.deepEqual(again.started, [id]);
      again.release(id);
      await second.app.services.queue.idle();
      assert.equal((await store.get(id))?.status, "done");
      assert.equal((await store.get(id))?.attempts, 2);
    } finally {
      await second.close();
      await store.close();
    }
  });
});

describe("recovery after a crash", () => {
  let site: Awaited<ReturnType<typeof startDemoSite>>;
  before(async () => {
    site = await startDemoSite();
  });
  after(async () => site.close());

  it("re-runs, with the real engine, a scan left 'running' in the store when the server died", async () => {
    const store = new SqliteScanStore(":memory:");
    const url = `http://127.0.0.1:${site.port}/`;
    const scan = await store.create({ url, input: url, options: { only: ["cors"] } });
    await store.markRunning(scan.id);
    const waiting = await store.create({ url, input: url, options: { only: ["cors"] } });
    assert.equal((await store.get(scan.id))?.status, "running");

    const server = await startApp({ store, config: loopbackScanning() });
    try {
      await server.app.services.queue.idle();
      const rerun = (await store.get(scan.id))!;
      assert.equal(rerun.status, "done");
      assert.equal(rerun.attempts, 2);
      assert.ok(rerun.report?.findings.some((finding) => finding.id === "cors.origin-reflected"));
      assert.equal((await store.get(waiting.id))?.status, "done", "scans that were waiting run too");
    } finally {
      await server.close();
      await store.close();
    }
  });

  it("gives up on a scan that was running during three crashes", async () => {
    const store = new SqliteScanStore(":memory:");
    const scan = await store.create({ url: "https://a.example/", input: "a.example", options: {} });
    for (let i = 0; i < 3; i++) await store.markRunning(scan.id);
    const gate = gatedRunner();
    const server = await startApp({ store, runner: gate.runner });
    try {
      const record = (await store.get(scan.id))!;
      assert.equal(record.status, "failed");
      assert.match(record.error ?? "", /3 times/);
      assert.deepEqual(gate.started, []);
    } finally {
      await server.close();
      await store.close();
    }
  });

  it("keeps scans in a database file across server processes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "amihackable-store-"));
    try {
      const path = join(dir, "nested", "scans.db");
      const server = await startApp({ paused: true, config: { databasePath: path } });
      const { id } = (await (await server.postScan({ url: "https://a.example/" })).json()) as { id: string };
      await server.close();
      const reopened = new SqliteScanStore(path);
      assert.equal((await reopened.get(id))?.status, "queued");
      assert.equal((await reopened.historyFor("https://a.example/"))[0]?.id, id);
      await reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
