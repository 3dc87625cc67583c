import http from "node:http";
import { handleDemoRequest } from "../src/interfaces/demo/vulnerable-site.ts";
import { listen } from "../test/support/server.ts";
import { scanUrl } from "../test/support/scan-url.ts";

/**
 * `npm run bench -- streaming`: how soon findings reach the user. The demo shop answers every request
 * after 100 ms (a distant site); the figures are when the first finding was handed over, how many came
 * before judging started (while probes still ran), and when the report was ready, as medians of a few runs.
 */
const RUNS = 3;
const LATENCY_MS = 100;
const HOST = "shop.demo.test";

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export default async function bench(): Promise<void> {
  const server = await listen(
    http.createServer((req, res) => {
      const timer = setTimeout(() => handleDemoRequest(req, res), LATENCY_MS);
      res.on("close", () => clearTimeout(timer));
    }),
  );
  const first: number[] = [];
  const report: number[] = [];
  const early: number[] = [];
  let total = 0;
  try {
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      let firstAt: number | undefined;
      let judging = false;
      let before = 0;
      const result = await scanUrl(`http://${HOST}:${server.port}/`, {
        timeoutMs: 60_000,
        resolve: [`${HOST}:${server.port}:127.0.0.1`],
        lookup: async (host) => {
          throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
        },
        onProgress: (event) => {
          if (event.type === "judging") judging = true;
          if (event.type !== "finding") return;
          firstAt ??= performance.now() - started;
          if (!judging) before++;
        },
      });
      report.push(performance.now() - started);
      first.push(firstAt ?? Number.NaN);
      early.push(before);
      total = result.findings.length;
    }
  } finally {
    await server.close();
  }
  console.log(`demo shop, ${LATENCY_MS} ms per response, median of ${RUNS}:`);
  console.log(`  first finding       ${Math.round(median(first))} ms`);
  console.log(`  report ready        ${Math.round(median(report))} ms`);
  console.log(`  streamed while gathering: ${median(early)} of ${total} findings`);
}
