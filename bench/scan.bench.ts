import http from "node:http";
import type { AddressInfo } from "node:net";
import { listen, type TestServer } from "../test/support/server.ts";
import type { ScanOptions } from "../test/support/scan-url.ts";
import { scanUrl } from "../test/support/scan-url.ts";
import type { Report } from "../src/engine/report.ts";

/**
 * `npm run bench -- scan`: how long a scan of a small app takes, how many requests it sends and how much
 * memory it holds, on loopback and with 100 ms of server latency per response. The latency figures are
 * compared with the floor a perfectly parallel scanner would reach: ceil(requests / concurrency) x latency.
 * Targets: under 1 s on loopback for the CORS family; within 2x of that floor with latency.
 */
const RUNS = 7;
const LATENCY_MS = 100;
const HOST = "app.bench.test";

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>
<script type="module" src="/assets/index-3f2a.js"></script></head><body><div id="root"></div></body></html>`;
const BUNDLE = `const api={me:()=>fetch("/api/me",{credentials:"include"}),products:()=>fetch("/api/products"),
orders:()=>fetch("/api/orders",{credentials:"include"}),health:()=>fetch("/api/health")};export default api;`;

/** A small app: a page, one bundle naming four API endpoints with different CORS policies. */
function site(latencyMs: number): http.RequestListener {
  const answer = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const origin = req.headers.origin;
    if (path === "/") return void res.writeHead(200, { "content-type": "text/html" }).end(PAGE);
    if (path === "/assets/index-3f2a.js")
      return void res.writeHead(200, { "content-type": "text/javascript" }).end(BUNDLE);
    const cors: Record<string, string> = {};
    if (path === "/api/me" && origin)
      Object.assign(cors, {
        "access-control-allow-origin": origin,
        "access-control-allow-credentials": "true",
      });
    if (path === "/api/products") cors["access-control-allow-origin"] = "*";
    if (path === "/api/orders" && origin === `http://${HOST}:${(req.socket.address() as AddressInfo).port}`) {
      Object.assign(cors, { "access-control-allow-origin": origin, vary: "Origin" });
    }
    if (path.startsWith("/api/")) {
      if (req.method === "OPTIONS")
        return void res.writeHead(204, { ...cors, "access-control-allow-methods": "GET, PUT" }).end();
      return void res.writeHead(200, { ...cors, "content-type": "application/json" }).end('{"ok":true}');
    }
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
  };
  return (req, res) => {
    if (latencyMs === 0) return answer(req, res);
    const timer = setTimeout(() => answer(req, res), latencyMs);
    res.on("close", () => clearTimeout(timer));
  };
}

function start(latencyMs: number): Promise<TestServer> {
  return listen(http.createServer(site(latencyMs)));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

interface Figures {
  wallMs: number;
  requests: number;
  peakRssMiB: number;
  concurrency: number;
  report: Report;
}

async function measure(port: number, options: ScanOptions): Promise<Figures> {
  const walls: number[] = [];
  let report: Report | undefined;
  let peak = 0;
  for (let run = 0; run < RUNS; run++) {
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
    const started = performance.now();
    report = await scanUrl(`http://${HOST}:${port}/`, {
      timeoutMs: 30_000,
      resolve: [`${HOST}:${port}:127.0.0.1`],
      // Names other than the pinned one never reach a resolver: the bench stays on this machine.
      lookup: async (host) => {
        throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
      },
      ...options,
    });
    walls.push(performance.now() - started);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage.rss());
  }
  return {
    wallMs: median(walls),
    requests: report!.requests.sent,
    peakRssMiB: peak / 1048576,
    concurrency: options.concurrency ?? 6,
    report: report!,
  };
}

export default async function bench(): Promise<void> {
  const rows: string[] = [];
  for (const latency of [0, LATENCY_MS]) {
    const server = await start(latency);
    try {
      for (const [name, options] of [
        ["CORS only", { only: ["cors"] }],
        ["all checks", {}],
      ] as const) {
        const figures = await measure(server.port, options);
        const floor = Math.ceil(figures.requests / figures.concurrency) * latency;
        const ratio =
          latency > 0
            ? ` | ${(figures.wallMs / floor).toFixed(2)}x of ceil(${figures.requests}/${figures.concurrency})x${latency} ms = ${floor} ms`
            : "";
        rows.push(
          `${latency === 0 ? "loopback" : `+${latency} ms/response`} | ${name.padEnd(10)} | median ${Math.round(figures.wallMs)} ms over ${RUNS} runs | ${figures.requests} requests | peak RSS ${Math.round(figures.peakRssMiB)} MiB${ratio}`,
        );
      }
    } finally {
      await server.close();
    }
  }
  for (const row of rows) console.log(row);
  console.log(`process maxRSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
}

if (import.meta.url === `file://${process.argv[1]}`) await bench();
