import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { RedisScanLine } from "../../src/queue/index.ts";
import { gate, heldEnvSite } from "../fixtures/sites/held-env.ts";
import { startServer } from "../support/server.ts";
import { loopbackScanning, readEvents, type RunningApp, startApp } from "../api/app-harness.ts";
import {
  type ScaledDeployment,
  type Farm,
  startFarm,
  until,
  startScaledDeployment,
  startWorker,
  type WorkerProcess,
} from "../support/scaled-mode.ts";

/**
 * The scaled mode on real services: a server queueing on BullMQ (Redis), worker processes running the
 * scans, PostgreSQL holding them. Workers are other processes, so live events and outcomes must cross
 * Redis and the database to be seen at all.
 */
describe("scaled out on Redis and PostgreSQL", () => {
  let deployment: ScaledDeployment;
  let farm: Farm;
  /** Sites of the farm by use: 0-49 the fifty scans, then one each for the other tests' scans. */
  const LIVE = 50;
  const DRAIN = 51;
  const AFTER_DRAIN = 52;
  const CAPS = [53, 54, 55];
  const workers: WorkerProcess[] = [];
  before(async () => {
    [deployment, farm] = await Promise.all([startScaledDeployment(), startFarm(56)]);
  });
  after(async () => {
    for (const worker of workers) worker.child.kill("SIGKILL");
    await Promise.all(workers.map((worker) => worker.exited));
    await farm.close();
    await deployment.close();
  });

  // Light scans (a few requests each): the test is about the queue, not the checks.
  const scanOptions = { only: ["headers"], timeout: 60, budget: 10 };
  /** Worker processes start slowly on a loaded machine; each test is bounded, generously. */
  const BOUND = { timeout: 600_000 };
  const post = async (site: number) => {
    const response = await deployment.server.postScan({ url: farm.urls[site], options: scanOptions });
    assert.equal(response.status, 202, await response.clone().text());
    return ((await response.json()) as { id: string }).id;
  };

  it(
    "brings a worker process's progress to the client's event stream through the server",
    BOUND,
    async () => {
      const worker = startWorker(deployment.settings);
      workers.push(worker);
      await worker.waitFor((lines) => lines.some((line) => line.includes("is taking scans")));
      const id = await post(LIVE);
      const events = await readEvents(`${deployment.server.url}/api/v1/scans/${id}/events`);
      const types = events.map((event) => event.event);
      assert.ok(types.includes("progress"), `progress events arrived: ${types.join(", ")}`);
      assert.ok(
        events.some((event) => (event.data as { status?: string }).status === "running"),
        "the worker's running status arrived",
      );
      const stored = (await deployment.store.get(id))!;
      assert.equal(stored.status, "done");
      assert.deepEqual(events.at(-1)?.data, {
        type: "done",
        status: "done",
        grade: stored.grade,
        error: null,
      });
      assert.deepEqual(worker.recorded(), [id]);
    },
  );

  it(
    "streams a worker's findings through Redis to the event stream while its scan still gathers",
    BOUND,
    async () => {
      // The first test's worker takes the scan; run alone, this test starts its own.
      if (workers.length === 0) {
        const worker = startWorker(deployment.settings);
        workers.push(worker);
        await worker.waitFor((lines) => lines.some((line) => line.includes("is taking scans")));
      }
      const { released, release } = gate();
      const held = heldEnvSite(released);
      const site = await startServer(held.handler);
      try {
        const response = await deployment.server.postScan({
          url: `http://127.0.0.1:${site.port}/`,
          options: { only: ["library.known-vulnerable", "exposure.env-file"], timeout: 60, budget: 100 },
        });
        assert.equal(response.status, 202, await response.clone().text());
        const { id } = (await response.json()) as { id: string };
        let envAnsweredAtFinding: boolean | undefined;
        const events = await readEvents(`${deployment.server.url}/api/v1/scans/${id}/events`, (seen) => {
          // The site's held /.env answers only once a finding has crossed Redis to this stream.
          if (envAnsweredAtFinding === undefined && seen.some((event) => event.event === "finding")) {
            envAnsweredAtFinding = held.envAnswered();
            release();
          }
          return false;
        });
        const names = events.map((event) => event.event);
        assert.equal(
          envAnsweredAtFinding,
          false,
          `a finding arrived while /.env was held: ${names.join(", ")}`,
        );
        assert.ok(names.indexOf("finding") < names.indexOf("done"));
        const stored = (await deployment.store.get(id))!;
        assert.deepEqual(
          events
            .filter((event) => event.event === "finding")
            .map((event) => (event.data as { id: string }).id)
            .sort(),
          stored.report!.findings.map((finding) => finding.id).sort(),
          "the stream carried each of the report's findings, unchanged",
        );
        assert.ok(stored.report!.findings.some((finding) => finding.id === "exposure.env-file"));
      } finally {
        release();
        await site.close();
      }
    },
  );

  it(
    "finishes 50 scans exactly once although one of two workers is killed (SIGKILL) mid-way",
    BOUND,
    async ({ signal }) => {
      const killed = workers[0]!;
      const survivor = startWorker(deployment.settings);
      workers.push(survivor);
      await survivor.waitFor((lines) => lines.some((line) => line.includes("is taking scans")));

      const sources = [killed.onLine, survivor.onLine];
      // Should this test time out, what the workers last said tells why.
      signal.addEventListener("abort", () => {
        for (const [name, worker] of [
          ["killed", killed],
          ["survivor", survivor],
        ] as const)
          console.error(`${name} worker, last lines:\n${worker.lines.slice(-15).join("\n")}`);
        console.error(`held ports: ${[...farm.heldPorts()].join(", ")}`);
      });
      // A worker that ends on its own fails the test at once, with its log.
      const alive = (promise: Promise<void>) =>
        Promise.race([
          promise,
          ...[killed, survivor].map((worker) =>
            worker.exited.then((code) => {
              if (worker !== killed || killed.child.signalCode !== "SIGKILL")
                throw new Error(`a worker ended (${code}): ${worker.lines.slice(-15).join("\n")}`);
              return new Promise<void>(() => undefined);
            }),
          ),
        ]);

      // Ten scans first, recorded; then the sites hold every request and the other forty are queued: a
      // scan of the first worker with a request held cannot finish before the worker is killed.
      const ids: string[] = [];
      for (let i = 0; i < 10; i++) ids.push(await post(i));
      const recordedSoFar = () =>
        [...killed.recorded(), ...survivor.recorded()].filter((id) => ids.includes(id));
      await alive(until(() => recordedSoFar().length === 10, sources));
      farm.hold();
      for (let i = 10; i < 50; i++) ids.push(await post(i));
      assert.equal(new Set(ids).size, 50);
      const allDone = deployment.server.app.services.queue.idle();
      const portOf = (id: string) => Number(new URL(farm.urls[ids.indexOf(id)]!).port);
      const stuck = () => killed.running().filter((id) => farm.heldPorts().has(portOf(id)));
      await alive(until(() => stuck().length > 0, [...sources, farm.onHeld]));
      const cutShort = stuck();
      assert.ok(cutShort.length > 0);
      killed.child.kill("SIGKILL");
      await killed.exited;
      farm.release();

      await alive(allDone);
      for (const id of ids) {
        const scan = (await deployment.store.get(id))!;
        assert.equal(scan.status, "done", `${id}: ${scan.error ?? ""}`);
        assert.ok(scan.report, `${id} has its report`);
        assert.equal(scan.report.target.url, scan.url);
      }
      for (const id of cutShort) {
        const scan = (await deployment.store.get(id))!;
        assert.equal(scan.attempts, 2, "the scan the killed worker held ran again, once");
      }
      // Every scan was recorded by exactly one worker, once.
      const recorded = [...killed.recorded(), ...survivor.recorded()].filter((id) => ids.includes(id));
      assert.equal(recorded.length, 50, "no scan recorded twice");
      assert.deepEqual(new Set(recorded), new Set(ids));
      assert.ok(
        cutShort.every((id) => survivor.recorded().includes(id)),
        "the survivor finished the cut-short scans",
      );
      const connection = new Redis(deployment.redis.url, { maxRetriesPerRequest: null });
      const queue = new Queue("scans", { connection, prefix: deployment.prefix });
      try {
        const counts = await queue.getJobCounts("completed", "failed", "active", "wait", "prioritized");
        assert.deepEqual(counts, { completed: 52, failed: 0, active: 0, wait: 0, prioritized: 0 });
      } finally {
        await queue.close();
        connection.disconnect();
      }
    },
  );

  it(
    "holds the per-client waiting cap and joins same-site scans across two servers sharing Redis and PostgreSQL",
    BOUND,
    async () => {
      const prefix = `${deployment.prefix}-caps`;
      const servers = await Promise.all(
        [0, 1].map(async () => {
          const line = await RedisScanLine.open({
            url: deployment.redis.url,
            prefix,
            store: deployment.store,
            maxWaiting: 1000,
            maxWaitingPerClient: 2,
          });
          return startApp({
            store: deployment.store,
            line,
            config: loopbackScanning({ queuePrefix: prefix, maxWaitingPerClient: 2, trustProxy: true }),
          });
        }),
      );
      const [first, second] = servers as [RunningApp, RunningApp];
      const postAs = (server: RunningApp, site: number) =>
        server.fetch("/api/v1/scans", {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.9" },
          body: JSON.stringify({ url: farm.urls[site] }),
        });
      try {
        const one = (await (await postAs(first, CAPS[0]!)).json()) as { id: string; position: number };
        const two = (await (await postAs(second, CAPS[1]!)).json()) as { id: string; position: number };
        assert.deepEqual(
          [one.position, two.position],
          [1, 2],
          "places in BullMQ's order, read by either server",
        );
        const third = await postAs(first, CAPS[2]!);
        assert.equal(third.status, 429, "the cap counts the scans queued through the other server");
        assert.equal(((await third.json()) as { error: { code: string } }).error.code, "too_many_waiting");
        const again = (await (await postAs(second, CAPS[0]!)).json()) as { id: string };
        assert.equal(again.id, one.id, "the same site is joined, whichever server is asked");

        // A worker (one scan at a time, the site holding its requests) takes the first: the watcher of the
        // second hears its new place from the server it asked.
        farm.hold();
        const moved = readEvents(`${second.url}/api/v1/scans/${two.id}/events`, (events) =>
          events.some((event) => (event.data as { position?: number }).position === 1),
        );
        const worker = startWorker({ ...deployment.settings, prefix }, ["--concurrency", "1"]);
        workers.push(worker);
        const events = await moved;
        assert.deepEqual(events.at(-1)?.data, { type: "status", status: "queued", position: 1 });
        await worker.waitFor(() => worker.running().includes(one.id));
        assert.deepEqual(worker.running(), [one.id], "one scan at a time: the second waits");
        worker.child.kill("SIGKILL");
        await worker.exited;
        farm.release();
      } finally {
        await Promise.all(servers.map((server) => server.close()));
      }
    },
  );

  it(
    "drains on SIGTERM: takes no new scan, finishes the running one, records it, exits 0",
    BOUND,
    async () => {
      const worker = workers[1]!;
      farm.hold();
      const id = await post(DRAIN);
      await worker.waitFor(() => worker.running().includes(id));
      worker.child.kill("SIGTERM");
      await worker.waitFor((lines) => lines.some((line) => line.startsWith("SIGTERM")));
      const later = await post(AFTER_DRAIN);
      farm.release();
      assert.equal(await worker.exited, 0);
      assert.ok(worker.lines.includes(`finished ${id} done`));
      assert.equal((await deployment.store.get(id))?.status, "done");
      assert.equal(
        (await deployment.store.get(later))?.status,
        "queued",
        "a draining worker takes nothing new",
      );
    },
  );
});
