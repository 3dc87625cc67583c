import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { handleDemoRequest } from "../../src/interfaces/demo/vulnerable-site.ts";
import { cli } from "../support/cli.ts";
import { startServer, type TestServer } from "../support/server.ts";
import { startDnsServer } from "../support/dns-server.ts";

const bin = new URL("../../bin/amihackable.js", import.meta.url).pathname;

describe("amihackable CLI", () => {
  let site: TestServer;
  let url: string;
  let pin: string[];
  const dir = mkdtempSync(path.join(tmpdir(), "amihackable-cli-"));
  before(async () => {
    site = await startServer(handleDemoRequest);
    url = `http://shop.demo.test:${site.port}/`;
    pin = ["--resolve", `shop.demo.test:${site.port}:127.0.0.1`, "--resolve", "shop.demo.test:*:127.0.0.1"];
  });
  after(async () => {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("exits 1 when a finding is at or above --fail-on (default high) and prints it", async () => {
    const result = await cli(["scan", url, ...pin]);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stdout, /cors\.origin-reflected/);
    assert.match(result.stdout, /Grade/);
    assert.doesNotMatch(result.stdout, /\x1b\[/, "no colour codes when stdout is not a terminal");
    assert.equal(result.stderr, "", "no progress line when stderr is not a terminal");
  });

  it("exits 0 when nothing reaches --fail-on", async () => {
    const result = await cli(["scan", url, ...pin, "--only", "cors", "--fail-on", "critical", "--quiet"]);
    assert.equal(result.code, 0, result.stderr);
  });

  it("writes JSON to --output and nothing to stdout", async () => {
    const file = path.join(dir, "report.json");
    const result = await cli(["scan", url, ...pin, "--format", "json", "--output", file]);
    assert.equal(result.code, 1);
    assert.equal(result.stdout, "");
    const report = JSON.parse(readFileSync(file, "utf8")) as { findings: Array<{ id: string }> };
    assert.ok(report.findings.some((f) => f.id === "cors.origin-reflected"));
  });

  it("runs only the selected checks with --only, and refuses unknown ids with exit 2", async () => {
    const only = await cli(["scan", url, ...pin, "--only", "cors.wildcard-origin", "--format", "json"]);
    assert.equal(only.code, 0, only.stderr);
    assert.deepEqual((JSON.parse(only.stdout) as { probed: { checks: string[] } }).probed.checks, [
      "cors.wildcard-origin",
    ]);
    const unknown = await cli(["scan", url, ...pin, "--only", "cors.nope"]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown check id or family: cors\.nope/);
  });

  it("sends --header credentials to the site but never prints them", async () => {
    const before = site.seen.length;
    const result = await cli([
      "scan",
      url,
      ...pin,
      "--header",
      "Authorization: Bearer s3cr3t-token-value",
      "--format",
      "json",
      "--only",
      "cors",
    ]);
    assert.equal(result.code, 1);
    assert.ok(
      site.seen.slice(before).some((req) => req.headers.authorization === "Bearer s3cr3t-token-value"),
    );
    assert.doesNotMatch(result.stdout, /s3cr3t-token-value/);
  });

  for (const [name, args, pattern] of [
    [
      "an unsupported scheme",
      ["scan", "ftp://example.com"],
      /Only http:\/\/ and https:\/\/ URLs can be scanned/,
    ],
    ["something that is not a URL", ["scan", "http://exa mple.com"], /is not a URL/],
    ["a bad --resolve", ["scan", "http://x.test/", "--resolve", "nonsense"], /expected HOST:PORT:ADDRESS/],
    [
      "a --dns-server that is a name",
      ["scan", "http://x.test/", "--dns-server", "dns.test:53"],
      /--dns-server: expected ADDRESS/,
    ],
    ["a bad --budget", ["scan", "http://x.test/", "--budget", "-3"], /--budget must be a whole number/],
    ["an unknown option", ["scan", "http://x.test/", "--bogus"], /unknown option '--bogus'/],
  ] as const) {
    it(`exits 2 with one clear sentence for ${name}`, async () => {
      const result = await cli([...args]);
      assert.equal(result.code, 2);
      assert.match(result.stderr, pattern);
      assert.doesNotMatch(result.stderr, /\n\s+at /, "no stack trace");
    });
  }

  it("--dns-server sends every lookup there: the site's address (no pin) and the dns checks' records", async () => {
    const dns = await startDnsServer({
      records: [
        { name: "shop.demo.test", type: "A", data: "127.0.0.1" },
        { name: "demo.test", type: "MX", data: { preference: 10, exchange: "mx.demo.test" } },
      ],
    });
    try {
      const result = await cli([
        "scan",
        url,
        "--dns-server",
        dns.address,
        "--only",
        "dns",
        "--format",
        "json",
      ]);
      assert.equal(result.code, 0, result.stderr);
      const report = JSON.parse(result.stdout) as { outcome: string; findings: Array<{ id: string }> };
      assert.equal(report.outcome, "complete");
      assert.ok(report.findings.some((finding) => finding.id === "dns.spf-missing"));
      assert.ok(dns.questions.includes("A shop.demo.test"), dns.questions.join(", "));
      assert.ok(dns.questions.includes("TXT demo.test"));
    } finally {
      await dns.close();
    }
  });

  it("exits 2 with one sentence when the target refuses connections", async () => {
    const result = await cli([
      "scan",
      "http://closed.demo.test:1/",
      "--resolve",
      "closed.demo.test:1:127.0.0.1",
      "--timeout",
      "10",
    ]);
    assert.equal(result.code, 2);
    assert.equal(result.stdout, "", "no report when nothing was scanned");
    assert.equal(
      result.stderr.match(/refused the connection/g)?.length,
      1,
      `the reason is said once, on stderr: ${result.stderr}`,
    );
    assert.doesNotMatch(result.stderr, /Could not scan: Could not/);
  });

  it("refuses an --output path it cannot write before scanning, in one sentence", async () => {
    const before = site.seen.length;
    const missing = path.join(dir, "no-such-folder", "report.json");
    const result = await cli(["scan", url, ...pin, "--format", "json", "--output", missing]);
    assert.equal(result.code, 2);
    assert.equal(site.seen.length, before, "no request was sent");
    assert.match(result.stderr, /--output .*report\.json: the folder .*no-such-folder does not exist\./);
    assert.doesNotMatch(result.stderr, /ENOENT|\n\s+at /);
  });

  it("lists every check with its severity, as its help promises", async () => {
    const result = await cli(["checks"]);
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.trim().split("\n");
    assert.ok(lines.length > 50);
    for (const line of lines) assert.match(line, /^[a-z]+\.[a-z0-9-]+\t(info|low|medium|high|critical)\t\S/);
    assert.ok(
      lines.includes("cors.origin-reflected\thigh\tAny website can read this API as the logged-in user"),
    );
  });

  it("points text findings to `amihackable learn ID`, which prints that finding's Learn section", async () => {
    const scanned = await cli(["scan", url, ...pin, "--only", "cors", "--quiet"]);
    assert.match(scanned.stdout, /learn: amihackable learn cors\.origin-reflected\n/);
    assert.doesNotMatch(scanned.stdout, /learn: \/learn\//);
    assert.match(scanned.stdout, /\d+ requests in /);
    const learned = await cli(["learn", "cors.origin-reflected"]);
    assert.equal(learned.code, 0, learned.stderr);
    assert.match(learned.stdout, /^CORS: .*\n\n### cors\.origin-reflected\n/);
    assert.doesNotMatch(learned.stdout, /\{#|### cors\.null-origin/, "only its own section, without anchors");
    const unknown = await cli(["learn", "cors.nope"]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no finding id or Learn article is called "cors\.nope"/);
  });

  it("loads none of the scanner for --version and --help", async () => {
    // A resolve hook in the child lists every module of ours it loads, on stderr when it exits.
    const hook = [
      'import { registerHooks } from "node:module";',
      "const seen = [];",
      "registerHooks({ resolve(specifier, context, next) { const r = next(specifier, context); seen.push(r.url); return r; } });",
      'process.on("exit", () => process.stderr.write(JSON.stringify(seen.filter((u) => u.includes("/src/")))));',
    ].join("\n");
    for (const args of [["--version"], ["--help"], ["scan", "--help"]]) {
      const loaded = await new Promise<string[]>((resolve) =>
        execFile(
          process.execPath,
          ["--import", `data:text/javascript,${encodeURIComponent(hook)}`, bin, ...args],
          (_error, _stdout, stderr) => resolve(JSON.parse(stderr) as string[]),
        ),
      );
      assert.ok(
        loaded.some((url) => url.endsWith("/src/interfaces/cli/main.ts")),
        "the hook saw the CLI",
      );
      const heavy = loaded.filter((url) =>
        /\/src\/(engine|checks|probes|http|reporters|artifacts)\//.test(url),
      );
      assert.deepEqual(heavy, [], `${args.join(" ")} loads no engine, check, probe or reporter`);
    }
  });
});
