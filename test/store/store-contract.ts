import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Report } from "../../src/engine/report.ts";
import type { ScanStore } from "../../src/store/index.ts";
import { fakeReport } from "../api/fake-report.ts";

/**
 * What every ScanStore does, whatever holds the scans: one suite, run against SQLite and PostgreSQL
 * (test/store/*.test.ts), so the embedded and the scaled deployments cannot drift apart.
 */
export function storeContract(
  name: string,
  open: () => Promise<{ store: ScanStore; close: () => Promise<void> }>,
) {
  describe(`the ${name} store`, () => {
    let store: ScanStore;
    let close: () => Promise<void>;
    before(async () => {
      ({ store, close } = await open());
    });
    after(async () => close());

    let counter = 0;
    /** A URL no other test uses (tests share one database). */
    const unique = () => `https://site-${++counter}-${name}.example/`;
    const report = (url: string, grade = "B"): Report => {
      const base = fakeReport(url);
      return { ...base, summary: { ...base.summary, grade } };
    };

    it("creates a queued scan and reads it back as it was given", async () => {
      const url = unique();
      const created = await store.create({
        url,
        input: "typed",
        options: { only: ["cors"], budget: 40 },
        client: "c1",
      });
      assert.match(created.id, /^[A-Za-z0-9_-]{22}$/);
      const read = await store.get(created.id);
      assert.deepEqual(read, created);
      assert.equal(read?.status, "queued");
      assert.equal(read?.attempts, 0);
      assert.equal(read?.input, "typed");
      assert.equal(read?.client, "c1");
      assert.deepEqual(read?.options, { only: ["cors"], budget: 40 });
      assert.equal(read?.report, null);
      assert.equal(await store.get("AAAAAAAAAAAAAAAAAAAAAA"), undefined);
    });

    it("records an outcome once: the first done or failed wins, later ones change nothing", async () => {
      const scan = await store.create({ url: unique(), input: "x", options: {} });
      assert.equal(await store.markRunning(scan.id), true);
      assert.equal((await store.get(scan.id))?.status, "running");
      assert.equal((await store.get(scan.id))?.attempts, 1);
      const first = report(scan.url, "A");
      assert.equal(await store.markDone(scan.id, first), true);
      assert.equal(await store.markDone(scan.id, report(scan.url, "F")), false, "a second report is refused");
      assert.equal(await store.markFailed(scan.id, "late failure"), false);
      assert.equal(await store.markRunning(scan.id), false, "a done scan does not run again");
      await store.markInterrupted(scan.id);
      const stored = (await store.get(scan.id))!;
      assert.equal(stored.status, "done");
      assert.equal(stored.grade, "A");
      assert.equal(stored.error, null);
      assert.equal(stored.attempts, 1);
      assert.deepEqual(stored.report, first);
      assert.ok(stored.finishedAt && stored.startedAt);
    });

    it("lets exactly one of many racing completions record the report", async () => {
      const scan = await store.create({ url: unique(), input: "x", options: {} });
      await store.markRunning(scan.id);
      const results = await Promise.all(
        ["A", "B", "C", "D", "E", "F"].map((grade, i) =>
          i % 2
            ? store.markDone(scan.id, report(scan.url, grade))
            : store.markFailed(scan.id, `failure ${grade}`),
        ),
      );
      assert.equal(results.filter(Boolean).length, 1);
    });

    it("records a failure with its sentence", async () => {
      const scan = await store.create({ url: unique(), input: "x", options: {} });
      await store.markRunning(scan.id);
      assert.equal(await store.markFailed(scan.id, "the target closed every connection"), true);
      const stored = (await store.get(scan.id))!;
      assert.equal(stored.status, "failed");
      assert.equal(stored.error, "the target closed every connection");
      assert.equal(stored.report, null);
    });

    it("joins a waiting, running or recently finished scan of the same URL and options, not others", async () => {
      const url = unique();
      const now = Date.now();
      const queued = await store.create({ url, input: "x", options: { only: ["cors"] } });
      assert.equal((await store.sameScan(url, { only: ["cors"] }, new Date(now)))?.id, queued.id);
      assert.equal(await store.sameScan(url, { only: ["headers"] }, new Date(now)), undefined);
      assert.equal(await store.sameScan(unique(), { only: ["cors"] }, new Date(now)), undefined);
      await store.markRunning(queued.id);
      assert.equal((await store.sameScan(url, { only: ["cors"] }, new Date(now)))?.id, queued.id);
      await store.markDone(queued.id, report(url), new Date(now));
      assert.equal((await store.sameScan(url, { only: ["cors"] }, new Date(now - 1000)))?.id, queued.id);
      assert.equal(await store.sameScan(url, { only: ["cors"] }, new Date(now + 1000)), undefined, "too old");
      const failed = await store.create({ url, input: "x", options: {} });
      await store.markFailed(failed.id, "no");
      assert.equal(await store.sameScan(url, {}, new Date(0)), undefined, "a failure is never reused");
    });

    it("lists a URL's history newest first, without report bodies, up to the limit", async () => {
      const url = unique();
      const ids: string[] = [];
      for (let i = 0; i < 4; i++) ids.push((await store.create({ url, input: "x", options: {} })).id);
      await store.markDone(ids[0]!, report(url));
      const history = await store.historyFor(url, 3);
      assert.deepEqual(
        history.map((scan) => scan.id),
        [ids[3], ids[2], ids[1]],
      );
      assert.ok(history.every((scan) => !("report" in scan) || scan.report === null));
      assert.equal((await store.historyFor(url)).length, 4);
    });

    it("finds the done scans of a URL that finished before a moment, latest finish first, bounded", async () => {
      const url = unique();
      const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 12, minutes));
      const finish = async (minutes: number, outcome: "done" | "failed" | "running", scanUrl = url) => {
        const scan = await store.create({ url: scanUrl, input: "x", options: {} });
        await store.markRunning(scan.id, at(minutes - 1));
        if (outcome === "done") await store.markDone(scan.id, report(scanUrl), at(minutes));
        if (outcome === "failed") await store.markFailed(scan.id, "no", at(minutes));
        return scan.id;
      };
      // Created in this order, finished out of it: the order is the finish, not the creation.
      const late = await finish(30, "done");
      const early = await finish(10, "done");
      await finish(20, "failed");
      await finish(25, "running");
      await finish(22, "done", unique());
      const current = await finish(40, "done");

      const found = await store.previousDone(url, at(40));
      assert.deepEqual(
        found.map((scan) => scan.id),
        [late, early],
        "done scans only, of this URL, never the scan itself",
      );
      assert.ok(
        found.every((scan) => scan.status === "done" && (!("report" in scan) || scan.report === null)),
      );
      assert.equal(found[0]?.finishedAt, at(30).toISOString());
      assert.deepEqual(
        (await store.previousDone(url, at(40), 1)).map((scan) => scan.id),
        [late],
        "at most the limit",
      );
      assert.deepEqual(
        (await store.previousDone(url, at(30))).map((scan) => scan.id),
        [early],
        "strictly before",
      );
      assert.deepEqual(await store.previousDone(url, at(10)), []);
      assert.deepEqual(
        (await store.previousDone(url, at(50))).map((scan) => scan.id),
        [current, late, early],
      );
    });

    it("counts and lists the waiting scans, per client and in all, oldest first", async () => {
      const before = await store.countWaiting();
      const client = `client-${name}-${Date.now()}`;
      const a = await store.create({ url: unique(), input: "x", options: {}, client });
      const b = await store.create({ url: unique(), input: "x", options: {}, client });
      const other = await store.create({ url: unique(), input: "x", options: {}, client: `${client}-other` });
      assert.equal(await store.countWaiting(client), 2);
      assert.equal(await store.countWaiting(), before + 3);
      await store.markRunning(a.id);
      assert.equal(await store.countWaiting(client), 1);
      await store.markInterrupted(a.id);
      assert.equal(await store.countWaiting(client), 2, "an interrupted scan waits to run again");
      const waiting = (await store.waiting()).map((scan) => scan.id);
      assert.ok(
        waiting.indexOf(a.id) < waiting.indexOf(b.id) && waiting.indexOf(b.id) < waiting.indexOf(other.id),
      );
    });

    it("keeps a batch's scans in the order given, shared scans included, with their current status", async () => {
      const a = await store.create({ url: unique(), input: "a", options: {} });
      const b = await store.create({ url: unique(), input: "b", options: {} });
      const batch = await store.createBatch([b.id, a.id, b.id], "batcher");
      assert.match(batch.id, /^[A-Za-z0-9_-]{22}$/);
      assert.equal(batch.client, "batcher");
      assert.deepEqual(
        batch.scans.map((scan) => scan.id),
        [b.id, a.id, b.id],
      );
      await store.markRunning(a.id);
      await store.markDone(a.id, report(a.url, "C"));
      const read = (await store.getBatch(batch.id))!;
      assert.equal(read.createdAt, batch.createdAt);
      assert.deepEqual(
        read.scans.map((scan) => [scan.url, scan.status, scan.grade]),
        [
          [b.url, "queued", null],
          [a.url, "done", "C"],
          [b.url, "queued", null],
        ],
      );
      assert.ok(read.scans.every((scan) => !("report" in scan) || scan.report === null));
      assert.equal(await store.getBatch("AAAAAAAAAAAAAAAAAAAAAA"), undefined);
    });

    it("on start, requeues scans left running and fails those tried too often", async () => {
      const retried = await store.create({ url: unique(), input: "x", options: {} });
      await store.markRunning(retried.id);
      const hopeless = await store.create({ url: unique(), input: "x", options: {} });
      for (let i = 0; i < 3; i++) await store.markRunning(hopeless.id);
      const { requeued, failed } = await store.recoverInterrupted(3);
      assert.ok(requeued.includes(retried.id));
      assert.ok(failed.includes(hopeless.id));
      assert.equal((await store.get(retried.id))?.status, "interrupted");
      const gaveUp = (await store.get(hopeless.id))!;
      assert.equal(gaveUp.status, "failed");
      assert.equal(gaveUp.error, "the server stopped during this scan 3 times; it was not retried again");
    });
  });
}
