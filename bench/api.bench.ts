import http from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { startDemoSite } from "../src/interfaces/demo/vulnerable-site.ts";
import { createApp } from "../src/interfaces/server/app.ts";

/**
 * The product's server: how many scans POST /api/v1/scans accepts per second (queue paused, in-memory
 * store: the cost of validating, storing and queueing), how long from POST to the first progress event
 * on the event stream (real engine, loopback demo site), and the weight of the pages a visitor loads.
 */
const UNLIMITED = { capacity: 1e9, refillPerSecond: 1e9 };
const ACCEPT_REQUESTS = 2_000;
const ACCEPT_CONCURRENCY = 16;
const FIRST_EVENT_RUNS = 10;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function acceptance(): Promise<void> {
  const app = createApp({
    paused: true,
    config: { databasePath: ":memory:", scanRate: UNLIMITED, requestRate: UNLIMITED, maxWaiting: 1e9 },
  });
  const { url } = await app.listen(0, "127.0.0.1");
  const body = JSON.stringify({ url: "https://example.com/", options: { only: ["cors"], budget: 50 } });
  const post = () =>
    fetch(`${url}/api/v1/scans`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    }).then(async (response) => {
      await response.arrayBuffer();
      if (response.status !== 202) throw new Error(`status ${response.status}`);
    });
  try {
    for (let i = 0; i < 100; i++) await post(); // warm-up
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: ACCEPT_CONCURRENCY }, async () => {
        while (next++ < ACCEPT_REQUESTS) await post();
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `POST /api/v1/scans accepted: ${Math.round(ACCEPT_REQUESTS / seconds)} scans/s (${ACCEPT_REQUESTS} requests, ${ACCEPT_CONCURRENCY} in flight, queue paused, :memory: store)`,
    );
  } finally {
    await app.close();
  }
}

/** The product with no limits in the way, allowed to scan the loopback sites the bench starts. */
function loopbackApp() {
  return createApp({
    config: {
      databasePath: ":memory:",
      scanRate: UNLIMITED,
      requestRate: UNLIMITED,
      allowAddresses: ["127.0.0.1"],
      allowNonDefaultPorts: true,
    },
  });
}

async function firstProgress(): Promise<{ reportPage: string; appUrl: string; close: () => Promise<void> }> {
  const site = await startDemoSite();
  const app = loopbackApp();
  const { url } = await app.listen(0, "127.0.0.1");
  const times: number[] = [];
  let reportPage = "";
  for (let run = 0; run < FIRST_EVENT_RUNS; run++) {
    const started = performance.now();
    const response = await fetch(`${url}/api/v1/scans`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ url: `http://127.0.0.1:${site.port}/` }),
    });
    const scan = (await response.json()) as { links: { events: string; page: string } };
    reportPage = scan.links.page;
    const controller = new AbortController();
    const events = await fetch(`${url}${scan.links.events}`, { signal: controller.signal });
    const decoder = new TextDecoder();
    let text = "";
    try {
      for await (const chunk of events.body!) {
        text += decoder.decode(chunk, { stream: true });
        if (text.includes("event: progress")) {
          times.push(performance.now() - started);
          controller.abort();
          break;
        }
      }
    } catch {
      // aborted on purpose
    }
    await app.services.queue.idle();
  }
  console.log(
    `POST to first progress event: median ${median(times).toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}; ${FIRST_EVENT_RUNS} scans of the loopback demo site)`,
  );
  return {
    reportPage,
    appUrl: url,
    close: async () => {
      await app.close();
      await site.close();
    },
  };
}

async function pageWeight(appUrl: string, reportPage: string): Promise<void> {
  for (const [name, path] of [
    ["home", "/"],
    ["report (6 findings)", reportPage],
    ["learn article", "/learn/cors"],
  ] as const) {
    const response = await fetch(`${appUrl}${path}`);
    const html = Buffer.from(await response.arrayBuffer());
    const text = html.toString("utf8");
    const css = [...text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].reduce(
      (sum, m) => sum + Buffer.byteLength(m[1]!),
      0,
    );
    const js = [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].reduce(
      (sum, m) => sum + Buffer.byteLength(m[1]!),
      0,
    );
    console.log(
      `page weight, ${name}: ${(html.length / 1024).toFixed(1)} KiB in 1 request (inline CSS ${(css / 1024).toFixed(1)} KiB, JS ${(js / 1024).toFixed(1)} KiB; gzip ${(gzipSync(html).length / 1024).toFixed(1)} KiB)`,
    );
  }
}

/** A target that costs seconds of CPU to judge: scripts of 8 MiB that the secret rules must read. */
function cpuHostileSite(): Promise<{ url: string; close: () => Promise<void> }> {
  const script = "passw".repeat((8 * 1024 * 1024) / 5);
  const server = http.createServer((req, res) => {
    if (req.url === "/") {
      const tags = [0, 1, 2, 3].map((i) => `<script src="/s${i}.js"></script>`).join("");
      res.writeHead(200, { "content-type": "text/html" }).end(`<!doctype html><title>x</title>${tags}`);
    } else res.writeHead(200, { "content-type": "text/javascript" }).end(script);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    ),
  );
}

/** GET / latency while 4 CPU-hostile scans run (each in its own worker thread, 2 at a time). */
async function responsiveness(): Promise<void> {
  const target = await cpuHostileSite();
  const app = loopbackApp();
  const { url } = await app.listen(0, "127.0.0.1");
  try {
    const started = performance.now();
    for (let i = 0; i < 4; i++)
      await fetch(`${url}/api/v1/scans`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ url: target.url, options: { only: ["secret"] } }),
      }).then((response) => response.arrayBuffer());
    let finished = false;
    void app.services.queue.idle().then(() => (finished = true));
    const latencies: number[] = [];
    while (!finished) {
      const sent = performance.now();
      await fetch(`${url}/`).then((response) => response.arrayBuffer());
      latencies.push(performance.now() - sent);
    }
    const sorted = latencies.sort((a, b) => a - b);
    const p = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    console.log(
      `GET / while 4 CPU-hostile scans ran (${((performance.now() - started) / 1000).toFixed(1)} s): ` +
        `p50 ${p(0.5).toFixed(1)} ms, p99 ${p(0.99).toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1) ?? 0} ms over ${sorted.length} requests (goal: p99 under 100 ms)`,
    );
  } finally {
    await app.close();
    await target.close();
  }
}

export default async function bench(): Promise<void> {
  await acceptance();
  await responsiveness();
  const { reportPage, appUrl, close } = await firstProgress();
  try {
    await pageWeight(appUrl, reportPage);
  } finally {
    await close();
  }
}
