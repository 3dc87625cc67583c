import assert from "node:assert/strict";
import { execFile, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { handleDemoRequest } from "../../src/interfaces/demo/vulnerable-site.ts";
import { startServer, type TestServer } from "../support/server.ts";
import { packTarball, pathWithThisNode } from "../support/packed.ts";

/**
 * What a user gets from npm: `npm pack` (which builds dist/), the tarball installed into an empty project
 * from the npm cache, and the installed `amihackable` run as a user runs it: --version, checks, a scan of a
 * loopback fixture, the server (its scan runs in a worker thread loaded from dist/), and an unsupported
 * Node, which must get one sentence rather than a stack trace.
 */
const root = new URL("../../", import.meta.url).pathname;
const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { version: string };
const work = mkdtempSync(path.join(tmpdir(), "amihackable-pack-"));
const project = path.join(work, "project");
const installed = path.join(project, "node_modules", "amihackable");
const bin = path.join(project, "node_modules", ".bin", "amihackable");

/** npm with this Node first on PATH, so the tarball's prepack build and the install use Node 24. */
function npm(args: string[], cwd: string): void {
  const env = {
    ...process.env,
    PATH: pathWithThisNode(),
  };
  const result = spawnSync("npm", args, { cwd, env, encoding: "utf8", timeout: 300_000 });
  assert.equal(result.status, 0, `npm ${args.join(" ")}\n${result.stdout}\n${result.stderr}`);
}

function run(node: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      node,
      [bin, ...args],
      { cwd: project, timeout: 60_000, env: { ...process.env, NO_COLOR: "1" } },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

/** The first `node` on PATH that is not this project's node@24 (the machine's own, e.g. Node 20). */
function systemNode(): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (dir.includes("node_modules")) continue;
    const candidate = path.join(dir, "node");
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

describe("the packed package, installed into an empty project", () => {
  let site: TestServer;
  before(async () => {
    site = await startServer(handleDemoRequest);
    const tarball = packTarball(work);
    spawnSync("mkdir", [project]);
    writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "empty", private: true }));
    // The dependencies are in the npm cache already (npm install ran for the checkout): no download needed.
    npm(["install", "--prefer-offline", "--no-audit", "--no-fund", tarball], project);
  });
  after(async () => {
    await site.close();
    rmSync(work, { recursive: true, force: true });
  });

  it("ships the built JavaScript and what it reads at run time, and no sources or tests", () => {
    for (const file of [
      "bin/amihackable.js",
      "dist/cli.js",
      "dist/server.js",
      "dist/scan-thread-worker.js",
      "schemas/report.schema.json",
      "schemas/recording.schema.json",
      "learn/cors.md",
      "LICENSE",
      "README.md",
    ])
      assert.ok(existsSync(path.join(installed, file)), `${file} is in the package`);
    for (const absent of ["src", "test", "bench", "scripts", "tsconfig.json"])
      assert.ok(!existsSync(path.join(installed, absent)), `${absent} is not in the package`);
  });

  /** What a user does first, on one Node: --version, checks, a scan of a loopback site, learn. */
  async function firstSteps(node: string): Promise<void> {
    const shown = await run(node, ["--version"]);
    assert.equal(shown.code, 0, shown.stderr);
    assert.equal(shown.stdout.trim(), version);

    const checks = await run(node, ["checks"]);
    assert.equal(checks.code, 0, checks.stderr);
    assert.match(checks.stdout, /^cors\.origin-reflected\thigh\t/m);

    const scanned = await run(node, [
      "scan",
      `http://shop.demo.test:${site.port}/`,
      "--resolve",
      `shop.demo.test:${site.port}:127.0.0.1`,
      "--resolve",
      "shop.demo.test:*:127.0.0.1",
      "--format",
      "json",
    ]);
    assert.equal(scanned.code, 1, scanned.stderr);
    const report = JSON.parse(scanned.stdout) as { findings: Array<{ id: string }> };
    assert.ok(report.findings.some((finding) => finding.id === "cors.origin-reflected"));
    const learned = await run(node, ["learn", "cors.origin-reflected"]);
    assert.match(learned.stdout, /### cors\.origin-reflected/, "learn/ is read from the package");
  }

  it("prints its version, lists its checks and scans a loopback site with the installed bin, on Node 24", () =>
    firstSteps(process.execPath));

  it("does the same on Node 22, the other maintained line it declares (22.19+)", async (t) => {
    // Node 22's own binary, from the npm registry as its per-platform package (no install script runs).
    const node22 = path.join(work, "node22");
    spawnSync("mkdir", [node22]);
    writeFileSync(path.join(node22, "package.json"), JSON.stringify({ name: "node22", private: true }));
    npm(["install", "--no-audit", "--no-fund", `node-${process.platform}-${process.arch}@22`], node22);
    const node = path.join(node22, "node_modules", `node-${process.platform}-${process.arch}`, "bin", "node");
    const shown = spawnSync(node, ["--version"], { encoding: "utf8" }).stdout.trim();
    t.diagnostic(`Node ${shown}`);
    const [major, minor] = shown.slice(1).split(".").map(Number);
    assert.ok(major === 22 && minor! >= 19, `a supported Node 22: ${shown}`);
    await firstSteps(node);
  });

  it("runs the server from the package: a scan in a worker thread loaded from dist/", async () => {
    const server = spawn(
      process.execPath,
      [path.join(installed, "dist/server.js"), "--port", "0", "--host", "127.0.0.1", "--db", ":memory:"],
      {
        cwd: project,
        env: {
          ...process.env,
          AMIHACKABLE_ALLOW_ADDRESSES: "127.0.0.1",
          AMIHACKABLE_ALLOW_NON_DEFAULT_PORTS: "1",
        },
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let text = "";
        server.stderr.on("data", (chunk: Buffer) => {
          text += chunk.toString("utf8");
          const match = /listening on (http:\/\/\S+)/.exec(text);
          if (match) resolve(match[1]!);
        });
        server.on("exit", () => reject(new Error(`the server stopped: ${text}`)));
      });
      const created = await fetch(`${url}/api/v1/scans`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ url: `http://127.0.0.1:${site.port}/`, options: { only: ["cors"] } }),
      });
      assert.equal(created.status, 202, await created.clone().text());
      const { id } = (await created.json()) as { id: string };
      // The event stream ends once the scan is done.
      const events = await (await fetch(`${url}/api/v1/scans/${id}/events`)).text();
      assert.match(events, /event: done/);
      const done = (await (await fetch(`${url}/api/v1/scans/${id}`)).json()) as {
        status: string;
        report: { findings: Array<{ id: string }> };
      };
      assert.equal(done.status, "done");
      assert.ok(done.report.findings.some((finding) => finding.id.startsWith("cors.")));
    } finally {
      server.kill();
    }
  });

  it("serves its MCP tools from the package (the SDK is a runtime dependency)", async () => {
    const client = new Client({ name: "pack-test", version: "1.0.0" });
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [bin, "mcp"],
        cwd: project,
        stderr: "pipe",
      }),
    );
    try {
      const { tools } = await client.listTools();
      assert.deepEqual(tools.map((tool) => tool.name).sort(), ["explain_finding", "list_checks", "scan_url"]);
    } finally {
      await client.close();
    }
  });

  it("answers an unsupported Node with one sentence naming the supported versions", async (t) => {
    const node = systemNode();
    const major = node
      ? Number(/^v(\d+)/.exec(spawnSync(node, ["--version"], { encoding: "utf8" }).stdout)?.[1])
      : 0;
    // A machine whose own Node is supported (or has none) checks the same gate with a pretend old version.
    const old = node && major < 22 ? node : process.execPath;
    const args =
      old === process.execPath
        ? ["--import", "data:text/javascript,Object.defineProperty(process.versions,'node',{value:'20.0.0'})"]
        : [];
    t.diagnostic(`unsupported Node: ${old}${args.length ? " pretending to be 20.0.0" : ""}`);
    const result = await new Promise<{ code: number; stderr: string; stdout: string }>((resolve) =>
      execFile(old, [...args, bin, "--version"], { cwd: project }, (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr }),
      ),
    );
    assert.equal(result.code, 2);
    assert.equal(result.stdout, "");
    assert.match(
      result.stderr,
      /^amihackable needs Node\.js 22\.19 or a later 22, or Node\.js 24 or later; this is Node\.js 20\.\d+\.\d+\.\n$/,
    );
  });
});
