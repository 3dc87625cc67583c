import { CHECKS } from "../src/checks/index.ts";
import { judgeRecording } from "../src/engine/judge.ts";
import { recordingFrom, toRecordingFile, type RecordedScan } from "../src/engine/recording-file.ts";
import { wordpressSite } from "../test/fixtures/cms/wordpress.ts";
import { cdnSite } from "../test/fixtures/sites/cdn.ts";
import { spaSite } from "../test/fixtures/sites/spa.ts";
import { scanFixtureRecorded } from "../test/support/scan-fixture.ts";
import { startServer, type Handler } from "../test/support/server.ts";

/**
 * `npm run bench -- families`: what a default scan (every check, default budget) spends per family on a
 * few typical sites, so a new family's cost shows before it eats the budget: requests and the time they took (summed per probe, so overlapping requests add up),
 * and the CPU time each check family's judging takes on the recording. Written against the engine's
 * stable surface (scanFixtureRecorded, judgeRecording, recording files) so the same file runs on an older
 * commit for a before/after comparison.
 */
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>
<script type="module" src="/assets/index-3f2a.js"></script></head><body><div id="root"></div></body></html>`;
const BUNDLE = `const api={me:()=>fetch("/api/me",{credentials:"include"}),products:()=>fetch("/api/products"),
orders:()=>fetch("/api/orders")};export default api;`;

/** A small app with real 404s: a page, one bundle naming three API endpoints. */
const smallApp: Handler = (req, res) => {
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  if (path === "/") return void res.writeHead(200, { "content-type": "text/html" }).end(PAGE);
  if (path === "/assets/index-3f2a.js")
    return void res.writeHead(200, { "content-type": "text/javascript" }).end(BUNDLE);
  if (path.startsWith("/api/"))
    return void res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
  res.writeHead(404, { "content-type": "text/plain" }).end("not found");
};

/** A PHP site (X-Powered-By, .php links): the PHP-only paths are asked too. */
const phpSite: Handler = (req, res) => {
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  if (path === "/")
    return void res
      .writeHead(200, { "content-type": "text/html", "x-powered-by": "PHP/8.2.1" })
      .end('<!doctype html><title>Blog</title><a href="/index.php?p=2">next</a>');
  res.writeHead(404, { "content-type": "text/html" }).end("<h1>Not Found</h1>");
};

const SITES: ReadonlyArray<readonly [string, Handler]> = [
  ["small app", smallApp],
  ["PHP site", phpSite],
  ["SPA (200 everywhere)", spaSite],
  ["CDN-fronted", cdnSite],
  ["WordPress on its defaults", wordpressSite()],
];

const RUNS = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Judging time of one family, on a fresh copy of the recording so no artifact is already built. */
function judgingMs(recorded: RecordedScan, family: string): number {
  const checks = CHECKS.filter((check) => check.meta.id.startsWith(`${family}.`));
  const file = toRecordingFile(recorded);
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const recording = recordingFrom(file);
    const started = performance.now();
    judgeRecording(checks, recording, [], recorded.facts.probesRun);
    times.push(performance.now() - started);
  }
  return median(times);
}

export default async function bench(): Promise<void> {
  const families = [...new Set(CHECKS.map((check) => check.meta.id.split(".")[0]!))].sort();
  for (const [name, handler] of SITES) {
    const server = await startServer(handler);
    try {
      const started = performance.now();
      const { report, recorded } = await scanFixtureRecorded(server, {});
      const wallMs = performance.now() - started;
      if (!recorded) throw new Error("the scan recorded nothing");
      const perProbe = new Map<string, { requests: number; ms: number }>();
      for (const exchange of recorded.recording.exchanges) {
        const entry = perProbe.get(exchange.probe) ?? { requests: 0, ms: 0 };
        entry.requests++;
        entry.ms += exchange.response?.elapsedMs ?? 0;
        perProbe.set(exchange.probe, entry);
      }
      const probes = [...perProbe.entries()]
        .sort((a, b) => b[1].requests - a[1].requests)
        .map(([probe, { requests, ms }]) => `${probe} ${requests} req/${Math.round(ms)} ms`)
        .join(", ");
      const judging = families
        .map((family) => `${family} ${judgingMs(recorded, family).toFixed(1)} ms`)
        .join(", ");
      console.log(
        `${name}: ${report.requests.sent} of ${report.requests.budget} requests, scan ${Math.round(wallMs)} ms wall\n` +
          `  requests by probe: ${probes}\n  judging by check family (median of ${RUNS}): ${judging}`,
      );
    } finally {
      await server.close();
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await bench();
