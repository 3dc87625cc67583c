import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type SiteProfile, startSiteFarm } from "../test/support/site-farm.ts";

/**
 * `npm run bench -- batch`: sites per hour for `amihackable batch` over a farm of loopback sites (each a
 * page, a bundle and four API endpoints; some slow, some hostile), with the CLI process's peak RSS; then a
 * sample of the same farm scanned by one `amihackable scan` process per site, the same number at a time,
 * extrapolated to an hour, for the ratio. Goal: 10,000 sites/hour under 500 MB RSS on a 2-core machine.
 * The farm's server runs in this process, on the same cores as the scanner: the figures include serving.
 */
const SITES = 240;
const SAMPLE = 40;
const CONCURRENCY = [8, 16];
const GOAL_PER_HOUR = 10_000;
const GOAL_RSS_MIB = 500;

/** Of every 40 sites: 26 plain, 4 vulnerable, 5 slow, 2 large, 1 trickling, 1 stalling, 1 CPU-hostile. */
function profileOf(index: number): SiteProfile {
  const slot = index % 40;
  if (slot < 26) return "plain";
  if (slot < 30) return "vulnerable";
  if (slot < 35) return "slow";
  if (slot < 37) return "large";
  if (slot === 37) return "trickle";
  if (slot === 38) return "stall";
  return "cpu";
}

const wrapper = new URL("./support/cli-with-max-rss.ts", import.meta.url).pathname;

/** Runs the CLI in a child process; resolves with its exit code, wall time and peak RSS. */
function cli(
  args: string[],
  dir: string,
  id: string,
): Promise<{ code: number | null; ms: number; rssMiB: number }> {
  const rssFile = path.join(dir, `rss-${id}`);
  const started = performance.now();
  const child = spawn(process.execPath, [wrapper, ...args], {
    env: { ...process.env, AMIHACKABLE_MAX_RSS_FILE: rssFile, NO_COLOR: "1" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  return new Promise((resolve) =>
    child.on("close", (code) => {
      let rssMiB = 0;
      try {
        rssMiB = Number(readFileSync(rssFile, "utf8")) / 1024;
      } catch {
        console.log(`(no RSS figure from the child; its last words: ${stderr.slice(-400)})`);
      }
      resolve({ code, ms: performance.now() - started, rssMiB });
    }),
  );
}

const perHour = (sites: number, ms: number) => Math.round((sites / ms) * 3_600_000);

export default async function bench(): Promise<void> {
  const farm = await startSiteFarm(SITES, profileOf);
  const dir = mkdtempSync(path.join(tmpdir(), "amihackable-batch-bench-"));
  try {
    const list = path.join(dir, "sites.txt");
    writeFileSync(list, farm.urls.join("\n"));
    console.log(
      `farm: ${SITES} sites on loopback (per 40: 26 plain, 4 vulnerable, 5 slow at 150 ms/response, 2 with a 2 MiB bundle, 1 trickling, 1 stalling an endpoint, 1 CPU-hostile bundle); all checks, default budget and deadline`,
    );
    let batchPerHour = 0;
    for (const concurrency of CONCURRENCY) {
      const output = path.join(dir, `out-${concurrency}.jsonl`);
      const run = await cli(
        ["batch", list, ...farm.pins, "--concurrency", String(concurrency), "--output", output, "--quiet"],
        dir,
        `batch-${concurrency}`,
      );
      const records = readFileSync(output, "utf8")
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as { status: string; grade: string | null; requests: number });
      const failed = records.filter((r) => r.status === "failed").length;
      const partial = records.filter((r) => r.grade === "partial").length;
      const requests = records.reduce((sum, r) => sum + r.requests, 0);
      const rate = perHour(records.length, run.ms);
      if (concurrency === CONCURRENCY[0]) batchPerHour = rate;
      console.log(
        `amihackable batch --concurrency ${concurrency}: ${records.length} sites (${failed} failed, ${partial} partial, ${requests} requests) in ${(run.ms / 1000).toFixed(1)} s = ${rate} sites/hour | peak RSS ${Math.round(run.rssMiB)} MiB | exit ${run.code} | goal ${GOAL_PER_HOUR}/h under ${GOAL_RSS_MIB} MB: ${rate >= GOAL_PER_HOUR && run.rssMiB * 1.048576 < GOAL_RSS_MIB ? "met" : "not met"}`,
      );
    }

    // One process per site: a sample spread over the whole farm (every sixth site, so the profile mix
    // is the farm's), CONCURRENCY[0] processes at a time, extrapolated to an hour.
    const sample = farm.urls.filter((_, i) => i % Math.floor(SITES / SAMPLE) === 0).slice(0, SAMPLE);
    const parallel = CONCURRENCY[0]!;
    const started = performance.now();
    let next = 0;
    let peak = 0;
    const worker = async () => {
      while (next < sample.length) {
        const url = sample[next++]!;
        const run = await cli(
          ["scan", url, ...farm.pins, "--format", "json", "--output", path.join(dir, "one.json"), "--quiet"],
          dir,
          `scan-${next}`,
        );
        peak = Math.max(peak, run.rssMiB);
      }
    };
    await Promise.all(Array.from({ length: parallel }, worker));
    const ms = performance.now() - started;
    const rate = perHour(sample.length, ms);
    console.log(
      `one amihackable scan process per site: ${sample.length}-site sample of the farm (every ${Math.floor(SITES / SAMPLE)}th site), ${parallel} processes at a time, in ${(ms / 1000).toFixed(1)} s = ${rate} sites/hour (extrapolated) | peak RSS ${Math.round(peak)} MiB per process, ~${Math.round(peak * parallel)} MiB for ${parallel} at once`,
    );
    console.log(`batch / one process per site: ${(batchPerHour / rate).toFixed(2)}x the sites per hour`);
  } finally {
    await farm.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await bench();
