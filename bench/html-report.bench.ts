import { readdirSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import type { Finding } from "../src/core/finding.ts";
import { scan, scanRequest } from "../src/engine/index.ts";
import { startDemoSite } from "../src/interfaces/demo/vulnerable-site.ts";
import { parseArticle } from "../src/learn/articles.ts";
import { renderHtml, renderReportSection } from "../src/reporters/html.ts";
import { renderJson } from "../src/reporters/json.ts";

/**
 * What the HTML report and the Learn pages cost to render. The report comes from a real scan of the
 * loopback demo site, its findings repeated to 50 and 500; baseline: JSON.stringify of the same report
 * (renderJson), the least any reporter must do. Learn: parsing and rendering all twelve articles from
 * Markdown, what the first request to /learn pays before the cache is warm.
 */
const RUNS = 9;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function time(run: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return median(times);
}

export default async function bench(): Promise<void> {
  const site = await startDemoSite();
  const url = `http://shop.demo.test:${site.port}/`;
  const report = await scan(scanRequest(url, { resolve: [`shop.demo.test:${site.port}:127.0.0.1`] }));
  await site.close();
  if (report.findings.length === 0) throw new Error("the demo scan found nothing to render");

  for (const count of [50, 500]) {
    const findings: Finding[] = Array.from(
      { length: count },
      (_, i) => report.findings[i % report.findings.length]!,
    );
    const big = { ...report, findings };
    const json = time(() => renderJson(big));
    const document = time(() => renderHtml(big));
    const fragment = time(() => renderReportSection(big));
    const size = renderHtml(big).length;
    console.log(
      `report, ${count} findings: renderHtml ${document.toFixed(1)} ms (${(document / json).toFixed(1)}x renderJson ${json.toFixed(1)} ms), ` +
        `renderReportSection ${fragment.toFixed(1)} ms, document ${(size / 1024).toFixed(0)} KiB`,
    );
  }

  const dir = new URL("../learn/", import.meta.url);
  const sources = readdirSync(dir)
    .filter((file) => file.endsWith(".md"))
    .map((file) => [file.slice(0, -3), readFileSync(new URL(file, dir), "utf8")] as const);
  const learn = time(() => sources.map(([slug, source]) => parseArticle(slug, source)));
  const bytes = sources.reduce((sum, [, source]) => sum + source.length, 0);
  console.log(
    `learn: ${sources.length} articles (${(bytes / 1024).toFixed(0)} KiB Markdown) rendered in ${learn.toFixed(1)} ms`,
  );
}
