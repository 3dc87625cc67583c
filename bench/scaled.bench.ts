import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { RedisScanLine } from "../src/queue/index.ts";
import { PostgresScanStore } from "../src/store/index.ts";
import { createApp } from "../src/interfaces/server/app.ts";
import { testPostgres, testRedis } from "../test/support/services.ts";
import { startWorker, type WorkerProcess } from "../test/support/scaled-mode.ts";

/**
 * The scaled mode end to end: a server queueing on BullMQ (Redis), PostgreSQL, and 1, 2 then 4 worker
 * processes (2 scans each at once) scanning a farm of loopback fixture sites submitted through the API.
 * Prints sites per hour and the p50/p95 time from POST to done. The services are the tests' own
 * (AMIHACKABLE_TEST_REDIS / AMIHACKABLE_TEST_PG, or started on loopback for the run).
 */
const SITES = Number(process.env.SCALED_BENCH_SITES ?? 60);
const WORKER_COUNTS = [1, 2, 4];
const UNLIMITED = { capacity: 1e9, refillPerSecond: 1e9 };

/** A farm site: a page naming a script, a JSON API, a few slow endpoints; varied so scans differ. */
async function startFarm(count: number): Promise<{ urls: string[]; close(): Promise<void> }> {
  const servers: http.Server[] = [];
  const urls: string[] = [];
  for (let i = 0; i < count; i++) {
    const slow = i % 5 === 0;
    const server = http.createServer((req, res) => {
      const send = () => {
        if (req.url === "/app.js")
          return res
            .writeHead(200, { "content-type": "application/javascript" })
            .end(`const api = "/api/v1/items"; console.log(api, ${i});`);
        if (req.url?.startsWith("/api/"))
          return res
            .writeHead(200, { "content-type": "application/json", "access-control-allow-origin": "*" })
            .end(JSON.stringify({ items: [i, i + 1] }));
        if (req.url === "/" || req.url === "/index.html")
          return res
            .writeHead(200, { "content-type": "text/html; charset=utf-8", "x-powered-by": "Express" })
            .end(
              `<!doctype html><title>site ${i}</title><script src="/app.js"></script><p>farm site ${i}</p>`,
            );
        res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      };
      if (slow) setTimeout(send, 150);
      else send();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    servers.push(server);
    urls.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  }
  return {
    urls,
    close: async () => {
      for (const server of servers) server.closeAllConnections();
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    },
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export default async function scaledBench(): Promise<void> {
  const [redis, postgres] = await Promise.all([testRedis(), testPostgres()]);
  const farm = await startFarm(SITES);
  try {
    for (const workerCount of WORKER_COUNTS) {
      const prefix = `bench-${randomBytes(4).toString("hex")}`;
      const store = await PostgresScanStore.open(postgres.url);
      const line = await RedisScanLine.open({
        url: redis.url,
        prefix,
        store,
        maxWaiting: 1e9,
        maxWaitingPerClient: 1e9,
      });
      const app = createApp({
        store,
        line,
        config: {
          allowAddresses: ["127.0.0.1"],
          allowNonDefaultPorts: true,
          scanRate: UNLIMITED,
          requestRate: UNLIMITED,
          maxWaiting: 1e9,
          maxWaitingPerClient: 1e9,
          reuseSeconds: 0,
        },
      });
      const { url } = await app.listen(0, "127.0.0.1");
      const workers: WorkerProcess[] = [];
      for (let i = 0; i < workerCount; i++)
        workers.push(startWorker({ queue: redis.url, db: postgres.url, prefix }, ["--lock-ms", "30000"]));
      await Promise.all(
        workers.map((w) => w.waitFor((lines) => lines.some((l) => l.includes("is taking scans")))),
      );

      const posted = new Map<string, number>();
      const durations: number[] = [];
      let remaining = farm.urls.length;
      let finished!: () => void;
      const allDone = new Promise<void>((resolve) => (finished = resolve));
      const started = performance.now();
      for (const site of farm.urls) {
        // A path per run: the same URL would join the previous run's scan instead of scanning again.
        const response = await fetch(`${url}/api/v1/scans`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ url: `${site}?run=${prefix}` }),
        });
        const { id } = (await response.json()) as { id: string };
        if (response.status !== 202) throw new Error(`POST: ${response.status}`);
        posted.set(id, performance.now());
        line.live.subscribe(id, (event) => {
          if (event.type !== "done") return;
          durations.push(performance.now() - posted.get(id)!);
          if (--remaining === 0) finished();
        });
      }
      await allDone;
      const seconds = (performance.now() - started) / 1000;
      const failed = (await Promise.all([...posted.keys()].map((id) => store.get(id)))).filter(
        (scan) => scan?.status !== "done",
      ).length;
      console.log(
        `${workerCount} worker${workerCount > 1 ? "s" : ""} (2 scans each): ${SITES} sites in ${seconds.toFixed(1)} s = ${Math.round((SITES / seconds) * 3600)} sites/hour; POST to done p50 ${(percentile(durations, 50) / 1000).toFixed(2)} s, p95 ${(percentile(durations, 95) / 1000).toFixed(2)} s${failed ? `; ${failed} not done` : ""}`,
      );
      for (const worker of workers) worker.child.kill("SIGTERM");
      await Promise.all(workers.map((worker) => worker.exited));
      await app.close();
      await store.close();
    }
  } finally {
    await farm.close();
    await Promise.all([redis.close(), postgres.close()]);
  }
}
