import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * How a farm site behaves: `plain` answers at once with a few API endpoints; `vulnerable` also reflects
 * any Origin with credentials (a high finding); `slow` waits before each answer; `large` serves a 2 MiB
 * bundle; `trickle` sends its bundle in small pieces with pauses; `stall` leaves one API endpoint
 * unanswered until the scan gives up on it; `cpu` serves a bundle that makes secret rules work hard.
 */
export type SiteProfile = "plain" | "vulnerable" | "slow" | "large" | "trickle" | "stall" | "cpu";

export interface SiteFarm {
  port: number;
  /** The sites' URLs, in order: http://site-N.farm.test:PORT/ */
  urls: string[];
  /** `--resolve` arguments pinning every farm name to 127.0.0.1, so no scan asks real DNS. */
  pins: string[];
  /** Scans a site received so far: each scan fetches the page's bundle once. */
  scansOf(url: string): number;
  /** Every site's scan count, by URL. */
  scanCounts(): Map<string, number>;
  close(): Promise<void>;
}

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Farm site</title>
<script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>`;
const BUNDLE = `const api={me:()=>fetch("/api/me",{credentials:"include"}),items:()=>fetch("/api/items"),
orders:()=>fetch("/api/orders",{credentials:"include"}),health:()=>fetch("/api/health")};export default api;\n`;
const LARGE_BUNDLE = BUNDLE + `/* ${"x".repeat(2 * 1024 * 1024)} */\n`;
const CPU_BUNDLE = BUNDLE + "-----BEGIN PRIVATE KEY-----\n".repeat(40_000);

/**
 * Many small sites on one loopback server, told apart by the Host header (site-N.farm.test), each with a
 * page, a bundle naming four API endpoints, and a profile. Counts each site's scans for the batch tests.
 * Every timer it starts is bounded and cleared when the request closes.
 */
export async function startSiteFarm(
  count: number,
  profileOf: (index: number) => SiteProfile = () => "plain",
): Promise<SiteFarm> {
  const scans = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, run: () => void, res: http.ServerResponse) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
    res.on("close", () => {
      clearTimeout(timer);
      timers.delete(timer);
    });
  };
  const server = http.createServer((req, res) => {
    const host = (req.headers.host ?? "").replace(/:\d+$/, "").toLowerCase();
    const match = /^site-(\d+)\.farm\.test$/.exec(host);
    const index = match ? Number(match[1]) : -1;
    if (index < 0 || index >= count) return void res.writeHead(421).end();
    const profile = profileOf(index);
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const answer = () => serve(profile, path, req, res, later);
    if (path === "/assets/app.js" && req.method === "GET") {
      const key = `http://${host}:${port}/`;
      scans.set(key, (scans.get(key) ?? 0) + 1);
    }
    if (profile === "slow") later(150, answer, res);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const names = Array.from({ length: count }, (_, i) => `site-${i}.farm.test`);
  return {
    port,
    urls: names.map((name) => `http://${name}:${port}/`),
    pins: names.flatMap((name) => ["--resolve", `${name}:*:127.0.0.1`]),
    scansOf: (url) => scans.get(url) ?? 0,
    scanCounts: () => new Map(scans),
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function serve(
  profile: SiteProfile,
  path: string,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  later: (ms: number, run: () => void, res: http.ServerResponse) => void,
): void {
  if (path === "/") return void res.writeHead(200, { "content-type": "text/html" }).end(PAGE);
  if (path === "/assets/app.js") {
    const headers = { "content-type": "text/javascript" };
    if (profile === "large") return void res.writeHead(200, headers).end(LARGE_BUNDLE);
    if (profile === "cpu") return void res.writeHead(200, headers).end(CPU_BUNDLE);
    if (profile === "trickle") {
      res.writeHead(200, headers);
      const pieces = BUNDLE.match(/[\s\S]{1,64}/g) ?? [];
      const next = (i: number) => {
        if (i >= pieces.length) return void res.end();
        res.write(pieces[i]);
        later(40, () => next(i + 1), res);
      };
      return next(0);
    }
    return void res.writeHead(200, headers).end(BUNDLE);
  }
  if (path.startsWith("/api/")) {
    // Left unanswered: the scan's per-request timeout (and its deadline) must end the wait.
    if (profile === "stall" && path === "/api/orders") return;
    const cors: Record<string, string> = {};
    if (profile === "vulnerable" && req.headers.origin)
      Object.assign(cors, {
        "access-control-allow-origin": req.headers.origin,
        "access-control-allow-credentials": "true",
      });
    if (req.method === "OPTIONS") return void res.writeHead(204, cors).end();
    return void res.writeHead(200, { ...cors, "content-type": "application/json" }).end('{"ok":true}');
  }
  res.writeHead(404, { "content-type": "text/plain" }).end("not found");
}
