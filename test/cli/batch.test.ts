import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { type SiteFarm, startSiteFarm } from "../support/site-farm.ts";

const bin = new URL("../../bin/amihackable.js", import.meta.url).pathname;
const SITES = 200;
const CONCURRENCY = 8;
/** Checks that judge from few requests: the test is about the batch, not about the checks. */
const QUICK = ["--only", "cors,headers", "--timeout", "30", "--concurrency", String(CONCURRENCY)];

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts the real CLI as a child process; `watch` sees each piece of its stderr as it comes. */
function start(args: string[], options: { stdin?: string; watch?: (child: ChildProcess) => void } = {}) {
  const child = spawn(process.execPath, [bin, ...args], {
    env: { ...process.env, NO_COLOR: "1" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(options.stdin ?? "");
  options.watch?.(child);
  return new Promise<Run>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
}

function lines(file: string): Array<{ url: string; status: string }> {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as { url: string; status: string });
}

describe("amihackable batch", () => {
  let farm: SiteFarm;
  const dir = mkdtempSync(path.join(tmpdir(), "amihackable-batch-"));
  before(async () => {
    // Every tenth site reflects any origin with credentials: a high finding for --fail-on.
    farm = await startSiteFarm(SITES, (i) => (i % 10 === 3 ? "vulnerable" : "plain"));
  });
  after(async () => {
    await farm.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("scans a list of 200 sites and accounts for every one, each scanned once", async () => {
    const list = path.join(dir, "all.txt");
    writeFileSync(list, `# the farm\n\n${farm.urls.join("\n")}\n${farm.urls[0]!.toUpperCase()}\n`);
    const output = path.join(dir, "all.jsonl");
    const before = farm.scanCounts();
    const run = await start(["batch", list, ...farm.pins, ...QUICK, "--output", output]);
    assert.equal(run.code, 1, `high findings reach the default --fail-on high\n${run.stderr.slice(-2000)}`);
    const records = lines(output);
    assert.deepEqual(records.map((r) => r.url).sort(), [...farm.urls].sort(), "every site exactly once");
    assert.ok(records.every((r) => r.status === "done"));
    for (const url of farm.urls)
      assert.equal(farm.scansOf(url) - (before.get(url) ?? 0), 1, `${url} scanned once`);
    assert.match(run.stderr, /1 duplicate line skipped/);
    assert.match(run.stderr, /Batch: 200 of 200 sites finished: 200 scanned, 0 failed\./);
    assert.match(run.stderr, /Sites with high or critical findings \(20\):/);
    assert.equal(run.stdout, "");
  });

  it("continues a batch killed with SIGKILL halfway: only the rest is scanned, each site once in the output", async () => {
    const list = path.join(dir, "resume.txt");
    writeFileSync(list, farm.urls.join("\n"));
    const output = path.join(dir, "resume.csv");
    const state = `${output}.state`;
    const args = ["batch", list, ...farm.pins, ...QUICK, "--format", "csv", "--output", output];
    const counts0 = farm.scanCounts();
    const finishedInState = () =>
      existsSync(state)
        ? readFileSync(state, "utf8")
            .split("\n")
            .filter((l) => l.endsWith("}")).length
        : 0;

    // The CLI prints a line per finished site after writing it to the state file; each line is a cue to
    // read the state file, and the kill comes once the file itself holds half the sites.
    const killed = await start(args, {
      watch: (child) =>
        child.stderr!.on("data", () => {
          if (child.exitCode === null && !child.killed && finishedInState() >= SITES / 2)
            child.kill("SIGKILL");
        }),
    });
    assert.equal(killed.signal, "SIGKILL", killed.stderr.slice(-2000));
    const finishedFirst = new Set(lines(state).map((r) => r.url));
    assert.ok(
      finishedFirst.size >= SITES / 2 && finishedFirst.size < SITES,
      `${finishedFirst.size} finished`,
    );
    const counts1 = farm.scanCounts();
    const scannedFirst = farm.urls.filter((url) => (counts1.get(url) ?? 0) > (counts0.get(url) ?? 0));
    assert.ok(
      scannedFirst.length - finishedFirst.size <= CONCURRENCY,
      "only the scans in flight at the kill are lost",
    );

    const resumed = await start([...args, "--resume"]);
    assert.equal(resumed.code, 1, resumed.stderr.slice(-2000));
    assert.match(
      resumed.stderr,
      new RegExp(`Resuming: ${finishedFirst.size} of ${SITES} sites already finished`),
    );
    const counts2 = farm.scanCounts();
    for (const url of farm.urls) {
      const second = (counts2.get(url) ?? 0) - (counts1.get(url) ?? 0);
      assert.equal(
        second,
        finishedFirst.has(url) ? 0 : 1,
        `${url}: scanned ${second} times by the resumed run`,
      );
    }
    const rows = readFileSync(output, "utf8").trimEnd().split("\r\n");
    assert.match(rows[0]!, /^url,status,grade,/);
    const urls = rows.slice(1).map((row) => row.split(",")[0]);
    assert.deepEqual([...urls].sort(), [...farm.urls].sort(), "the output holds each site exactly once");
    assert.equal(new Set(lines(state).map((r) => r.url)).size, SITES);
  });

  it("on SIGTERM stops starting scans, keeps what finished and says how to resume", async () => {
    const list = path.join(dir, "term.txt");
    const sites = farm.urls.slice(0, 40);
    writeFileSync(list, sites.join("\n"));
    const output = path.join(dir, "term.jsonl");
    const args = ["batch", list, ...farm.pins, ...QUICK, "--output", output];
    let finishedLines = 0;
    const stopped = await start(args, {
      watch: (child) =>
        child.stderr!.on("data", (chunk: Buffer) => {
          finishedLines += chunk
            .toString()
            .split("\n")
            .filter((l) => /^\[\d+\/40\] /.test(l)).length;
          if (finishedLines >= 10 && !child.killed) child.kill("SIGTERM");
        }),
    });
    assert.equal(stopped.code, 130, stopped.stderr.slice(-2000));
    assert.match(
      stopped.stderr,
      /Stopped by SIGTERM: \d+ of 40 sites finished\. Run the same command with --resume to continue/,
    );
    const kept = lines(output).map((r) => r.url);
    assert.deepEqual(new Set(kept).size, kept.length);
    assert.ok(kept.length >= 10 && kept.length < 40, `${kept.length} kept`);
    const resumed = await start([...args, "--resume"]);
    assert.equal(resumed.code, 1, resumed.stderr.slice(-2000));
    assert.deepEqual(
      lines(output)
        .map((r) => r.url)
        .sort(),
      [...sites].sort(),
    );
  });

  it("names the line number of a malformed line and scans nothing", async () => {
    const list = path.join(dir, "bad.txt");
    writeFileSync(list, `${farm.urls[0]}\n# fine\nftp://files.farm.test/\n${farm.urls[1]}\n`);
    const before = farm.scanCounts();
    const run = await start(["batch", list, ...farm.pins, ...QUICK]);
    assert.equal(run.code, 2);
    assert.match(
      run.stderr,
      /^amihackable: line 3 of the list is not a URL the scanner can scan: only http:\/\/ and https:\/\/ URLs can be scanned, not ftp:\/\/\.\n$/,
    );
    assert.deepEqual(farm.scanCounts(), before, "no site was scanned");
  });

  it("says in one sentence that the list does not exist, or that the output cannot be written", async () => {
    const missing = await start(["batch", path.join(dir, "nope.txt")]);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, `amihackable: there is no file at ${path.join(dir, "nope.txt")}.\n`);

    const list = path.join(dir, "one.txt");
    writeFileSync(list, farm.urls[0]!);
    const before = farm.scanCounts();
    const unwritable = await start([
      "batch",
      list,
      ...farm.pins,
      "--output",
      path.join(dir, "no", "out.jsonl"),
    ]);
    assert.equal(unwritable.code, 2);
    assert.match(
      unwritable.stderr,
      /^amihackable: cannot write to .*out\.jsonl: its folder does not exist\.\n$/,
    );
    assert.deepEqual(farm.scanCounts(), before, "refused before scanning");
  });

  it("exits by --fail-on across the batch, and with 3 when only failed sites stand out", async () => {
    const plain = farm.urls.slice(0, 3).join("\n");
    const vulnerable = farm.urls[3]!;
    const dead = "http://gone.farm.test:1/";
    const pins = [...farm.pins, "--resolve", "gone.farm.test:*:127.0.0.1"];
    const batch = (stdin: string, ...extra: string[]) =>
      start(["batch", "-", ...pins, ...QUICK, ...extra], { stdin });

    const clean = await batch(plain, "--only", "cors");
    assert.equal(clean.code, 0, clean.stderr);
    assert.equal(clean.stdout.trim().split("\n").length, 3, "JSONL on stdout, one line per site");

    const high = await batch(`${plain}\n${vulnerable}`, "--only", "cors");
    assert.equal(high.code, 1, high.stderr);
    const critical = await batch(`${plain}\n${vulnerable}`, "--only", "cors", "--fail-on", "critical");
    assert.equal(critical.code, 0, critical.stderr);

    const failed = await batch(`${plain}\n${dead}`, "--only", "cors");
    assert.equal(failed.code, 3, failed.stderr);
    assert.match(
      failed.stderr,
      /Sites that could not be scanned \(1\):\n {2}http:\/\/gone\.farm\.test:1\/: .*refused the connection/,
    );
    const both = await batch(`${vulnerable}\n${dead}`, "--only", "cors");
    assert.equal(both.code, 1, "a finding at --fail-on outranks a failed site");

    const sarif = await batch(`${vulnerable}\n${dead}`, "--only", "cors", "--format", "sarif");
    const log = JSON.parse(sarif.stdout) as {
      runs: Array<{ results: Array<{ ruleId: string; properties: { site: string } }> }>;
    };
    assert.equal(log.runs.length, 1);
    assert.ok(
      log.runs[0]!.results.some(
        (r) => r.ruleId === "cors.origin-reflected" && r.properties.site === vulnerable,
      ),
    );
  });
});
