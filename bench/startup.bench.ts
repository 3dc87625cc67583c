import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Start-up of the `amihackable` command, for the built package (dist/, as `npm pack` ships it) and for the
 * sources (a checkout): `--version`, and the time from starting the process to the first request of a scan
 * reaching a loopback server; each as the median of a few runs and as a ratio to `node -e 0`.
 * Targets (issue 13): the first request within 200 ms of the process start.
 */
const RUNS = 5;
const root = new URL("../", import.meta.url).pathname;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Milliseconds from spawning `node args` to its exit. */
function timeToExit(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { stdio: "ignore" });
    child.on("error", reject);
    child.on("exit", () => resolve(performance.now() - start));
  });
}

/**
 * CPU milliseconds a process has used so far (Linux /proc; undefined elsewhere). On a shared, loaded
 * machine the wall time mostly measures the other processes; the CPU time is what the start-up costs.
 */
function cpuMs(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * (1000 / 100);
  } catch {
    return undefined;
  }
}

interface FirstRequest {
  wall: number;
  cpu: number | undefined;
}

/** From spawning a scan to its first request arriving (wall and the child's CPU); the scan is then stopped. */
async function timeToFirstRequest(bin: string): Promise<FirstRequest> {
  let start = 0;
  // Set once the child is spawned; the server reads it when the first request arrives.
  const launched: { pid?: number } = {};
  let arrived: (value: FirstRequest) => void = () => undefined;
  const first = new Promise<FirstRequest>((resolve) => (arrived = resolve));
  const server = createServer((_req, res) => {
    arrived({ wall: performance.now() - start, cpu: cpuMs(launched.pid) });
    res.end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  start = performance.now();
  const child = spawn(
    process.execPath,
    [
      bin,
      "scan",
      `http://startup.bench.test:${port}/`,
      "--resolve",
      `startup.bench.test:*:127.0.0.1`,
      "--quiet",
      "--timeout",
      "20",
    ],
    { stdio: "ignore" },
  );
  launched.pid = child.pid;
  // A scan that ends before asking anything is a broken build: say so rather than wait forever.
  child.on("exit", (code) => arrived({ wall: Number.NaN, cpu: code ?? undefined }));
  const ms = await first;
  if (Number.isNaN(ms.wall)) throw new Error(`${bin} scan exited (code ${ms.cpu}) before its first request`);
  child.kill();
  await new Promise((resolve) => child.on("exit", resolve));
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  return ms;
}

/** The package's layout without src/ (so the bin runs dist/), built from the current sources. */
function builtPackage(): { bin: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), "amihackable-startup-"));
  const build = spawnSync(
    process.execPath,
    [path.join(root, "scripts/build.ts"), "--outdir", path.join(dir, "dist")],
    { stdio: "inherit" },
  );
  if (build.status !== 0) throw new Error("scripts/build.ts could not build the package");
  // What `npm pack` ships (package.json's `files`), so the bench runs what a user installs.
  const { files } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { files: string[] };
  for (const item of [
    ...files.filter((entry) => !entry.startsWith("dist")).map((entry) => entry.split("/")[0]!),
    "package.json",
  ])
    cpSync(path.join(root, item), path.join(dir, item), { recursive: true });
  symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"));
  return {
    bin: path.join(dir, "bin/amihackable.js"),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export default async function startup(): Promise<void> {
  const built = builtPackage();
  try {
    const baseline = median(await sequence(() => timeToExit(["-e", "0"])));
    console.log(`node -e 0: ${baseline.toFixed(0)} ms (median of ${RUNS})`);
    for (const [name, bin] of [
      ["built package (dist/)", built.bin],
      ["sources (bin in a checkout)", path.join(root, "bin/amihackable.js")],
    ] as const) {
      await timeToExit([bin, "--version"]); // the first run fills the compile cache, as an install's first start does
      const version = median(await sequence(() => timeToExit([bin, "--version"])));
      const requests = await sequence(() => timeToFirstRequest(bin));
      const request = median(requests.map((r) => r.wall));
      const cpu = requests.every((r) => r.cpu !== undefined)
        ? `, ${median(requests.map((r) => r.cpu!)).toFixed(0)} ms of CPU`
        : "";
      console.log(
        `${name}: --version ${version.toFixed(0)} ms (${(version / baseline).toFixed(1)}× node -e 0); ` +
          `first scan request after ${request.toFixed(0)} ms${cpu} (${(request / baseline).toFixed(1)}× node -e 0; target 200 ms)`,
      );
    }
  } finally {
    built.cleanup();
  }
}

async function sequence<T>(run: () => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < RUNS; i++) out.push(await run());
  return out;
}
