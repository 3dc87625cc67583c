import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { failedRecord, type BatchSiteRecord } from "./batch-record.ts";
import type { BatchSite } from "./batch-list.ts";
import { runBatch } from "./batch-run.ts";

const sites = (urls: string[]): BatchSite[] => urls.map((url, i) => ({ url, line: i + 1 }));

/** A scan that finishes when the test says so, to control the order of events without timers. */
function controlledScans() {
  const pending = new Map<string, (record: BatchSiteRecord) => void>();
  const startedOrder: string[] = [];
  let notify: () => void = () => undefined;
  return {
    startedOrder,
    scanSite: (site: BatchSite, signal: AbortSignal) =>
      new Promise<BatchSiteRecord>((resolve) => {
        startedOrder.push(site.url);
        pending.set(site.url, resolve);
        signal.addEventListener("abort", () => resolve(failedRecord(site.url, "cancelled.")));
        notify();
      }),
    finish(url: string) {
      pending.get(url)!(failedRecord(url, "done."));
      pending.delete(url);
    },
    running: () => [...pending.keys()],
    /** Resolves once `count` scans have started. */
    startedAtLeast: (count: number) =>
      new Promise<void>((resolve) => {
        const check = () => (startedOrder.length >= count ? resolve() : (notify = check));
        check();
      }),
  };
}

describe("runBatch", () => {
  it("runs up to the concurrency at once, one per host, and records every site", async () => {
    const scans = controlledScans();
    const recorded: string[] = [];
    let maxRunning = 0;
    const run = runBatch({
      sites: sites([
        "https://a.test/1",
        "https://a.test/2",
        "https://b.test/",
        "https://c.test/",
        "https://d.test/",
      ]),
      concurrency: 3,
      scanSite: (site, signal) => {
        const promise = scans.scanSite(site, signal);
        maxRunning = Math.max(maxRunning, scans.running().length);
        return promise;
      },
      onFinished: async (record) => void recorded.push(record.url),
      stop: new AbortController().signal,
    });
    await scans.startedAtLeast(3);
    assert.deepEqual(scans.running(), ["https://a.test/1", "https://b.test/", "https://c.test/"]);
    scans.finish("https://a.test/1");
    await scans.startedAtLeast(4);
    assert.ok(
      scans.running().includes("https://a.test/2"),
      "a.test's second site starts once the first ended",
    );
    for (const url of scans.running()) scans.finish(url);
    await scans.startedAtLeast(5);
    for (const url of scans.running()) scans.finish(url);
    const result = await run;
    assert.equal(result.stopped, false);
    assert.equal(maxRunning, 3);
    assert.deepEqual(recorded.sort(), [
      "https://a.test/1",
      "https://a.test/2",
      "https://b.test/",
      "https://c.test/",
      "https://d.test/",
    ]);
  });

  it("on stop starts nothing new and drops the cancelled scans' partial results", async () => {
    const scans = controlledScans();
    const stop = new AbortController();
    const recorded: string[] = [];
    const run = runBatch({
      sites: sites(["https://a.test/", "https://b.test/", "https://c.test/", "https://d.test/"]),
      concurrency: 2,
      scanSite: scans.scanSite,
      onFinished: async (record) => void recorded.push(record.url),
      stop: stop.signal,
    });
    await scans.startedAtLeast(2);
    scans.finish("https://a.test/");
    await scans.startedAtLeast(3);
    stop.abort();
    const result = await run;
    assert.equal(result.stopped, true);
    assert.deepEqual(recorded, ["https://a.test/"]);
    assert.deepEqual(scans.startedOrder, ["https://a.test/", "https://b.test/", "https://c.test/"]);
  });

  it("stops the batch when a finished site cannot be recorded", async () => {
    await assert.rejects(
      runBatch({
        sites: sites(["https://a.test/", "https://b.test/"]),
        concurrency: 1,
        scanSite: async (site) => failedRecord(site.url, "x."),
        onFinished: async () => {
          throw new Error("ENOSPC: no space left on device");
        },
        stop: new AbortController().signal,
      }),
      /ENOSPC/,
    );
  });
});
