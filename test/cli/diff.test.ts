import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { handleDemoRequest } from "../../src/interfaces/demo/vulnerable-site.ts";
import { cli } from "../support/cli.ts";
import { startServer, type TestServer } from "../support/server.ts";

/**
 * Two scans of one site, the second after its `.env` stopped being served (it answers like any missing
 * path), then `amihackable diff` between them: the fix shows as fixed, and the other way round as new.
 */
describe("amihackable diff", () => {
  let site: TestServer;
  let url: string;
  let pin: string[];
  let envFixed = false;
  const dir = mkdtempSync(path.join(tmpdir(), "amihackable-diff-"));
  const file = (name: string) => path.join(dir, name);
  before(async () => {
    site = await startServer((req: IncomingMessage, res: ServerResponse) => {
      if (envFixed && req.url === "/.env") req.url = "/no-such-file-here";
      handleDemoRequest(req, res);
    });
    url = `http://shop.demo.test:${site.port}/`;
    pin = ["--resolve", `shop.demo.test:${site.port}:127.0.0.1`, "--resolve", "shop.demo.test:*:127.0.0.1"];
    const first = await cli(["scan", url, ...pin, "--format", "json", "--output", file("old.json")]);
    assert.equal(first.code, 1, first.stderr);
    const again = await cli(["scan", url, ...pin, "--format", "sarif", "--output", file("old.sarif")]);
    assert.equal(again.code, 1, again.stderr);
    envFixed = true;
    const second = await cli(["scan", url, ...pin, "--format", "json", "--output", file("new.json")]);
    assert.equal(second.code, 1, second.stderr);
    const sarif = await cli(["scan", url, ...pin, "--format", "sarif", "--output", file("new.sarif")]);
    assert.equal(sarif.code, 1, sarif.stderr);
  });
  after(async () => {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("lists the fixed .env as fixed, nothing new, and exits 0", async () => {
    const result = await cli(["diff", file("old.json"), file("new.json")]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^amihackable diff: 0 new, 1 fixed, \d+ unchanged/);
    assert.match(result.stdout, /Fixed:\n {2}critical +exposure\.env-file/i);
    assert.doesNotMatch(result.stdout, /New:/);
  });

  it("the other way round, the .env is new: exits 1 at --fail-on high, 0 at a threshold above it", async () => {
    const result = await cli(["diff", file("new.json"), file("old.json"), "--format", "json"]);
    assert.equal(result.code, 1, result.stderr);
    const diff = JSON.parse(result.stdout) as {
      added: Array<{ id: string; fingerprint: string }>;
      fixed: [];
    };
    assert.deepEqual(
      diff.added.map((entry) => entry.id),
      ["exposure.env-file"],
    );
    assert.match(diff.added[0]!.fingerprint, /^[0-9a-f]{64}$/);
    assert.equal(diff.fixed.length, 0);
    const markdown = await cli(["diff", file("new.json"), file("old.json"), "--format", "markdown"]);
    assert.match(markdown.stdout, /^## amihackable: 1 new, 0 fixed/);
    assert.match(markdown.stdout, /### New \(1\)\n\n\| Severity \| Finding \| URL \|/);
    assert.match(markdown.stdout, /\(`exposure\.env-file`\)/);
  });

  it("gives every finding the same SARIF fingerprint in two scans of the unchanged site", () => {
    const fingerprints = (name: string) => {
      const log = JSON.parse(readFileSync(file(name), "utf8")) as {
        runs: Array<{ results: Array<{ ruleId: string; partialFingerprints: Record<string, string> }> }>;
      };
      return log.runs[0]!.results.map(
        (result) => `${result.ruleId} ${result.partialFingerprints["amihackable/v1"]}`,
      );
    };
    const first = fingerprints("old.sarif");
    assert.ok(first.length > 5, "the demo site has findings");
    // old.sarif was scanned before the .env fix, new.sarif after: the same apart from that one finding.
    const second = fingerprints("new.sarif");
    assert.deepEqual(
      first.filter((entry) => !entry.startsWith("exposure.env-file ")).sort(),
      [...second].sort(),
    );
    assert.equal(new Set(first).size, first.length, "no two findings share a fingerprint");
  });

  it("--format markdown gives a pull-request comment: grade, counts and the top findings linked to Learn", async () => {
    const result = await cli(["scan", url, ...pin, "--format", "markdown", "--quiet"]);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stdout, /^## amihackable: grade F for http:\/\/shop\.demo\.test:\d+\//);
    assert.match(
      result.stdout,
      /\n\d+ findings: \d+ critical · \d+ high · \d+ medium · \d+ low · \d+ info\n/,
    );
    assert.match(result.stdout, /\| Severity \| Finding \| URL \| Learn \|/);
    const rows = result.stdout
      .split("\n")
      .filter((line) => line.startsWith("| ") && !line.startsWith("| Severity") && !line.startsWith("| ---"));
    assert.ok(rows.length > 3 && rows.length <= 10, `${rows.length} rows`);
    assert.match(rows[0]!, /^\| critical \|/i);
    assert.match(
      result.stdout,
      /\[cors\.origin-reflected\]\(https:\/\/github\.com\/amihackable\/amihackable\/blob\/main\/learn\/cors\.md#cors\.origin-reflected\)/,
    );
  });

  it("--format junit gives one test case per check and URL, failing at --fail-on and only there", async () => {
    const result = await cli(["scan", url, ...pin, "--format", "junit", "--quiet", "--fail-on", "critical"]);
    assert.equal(result.code, 1, result.stderr);
    const xml = result.stdout;
    assert.match(
      xml,
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="amihackable" tests="(\d+)" failures="(\d+)" errors="0">/,
    );
    const [, tests, failures] = /<testsuites name="amihackable" tests="(\d+)" failures="(\d+)"/.exec(xml)!;
    assert.equal(Number(tests), (xml.match(/<testcase /g) ?? []).length);
    assert.equal(Number(failures), (xml.match(/<failure /g) ?? []).length);
    assert.ok(Number(failures) >= 1, "the critical findings fail");
    // (The .env was fixed for the diff above; the Stripe key in the bundle is still critical.)
    assert.match(
      xml,
      /<testcase classname="secret\.[a-z-]+" name="http:\/\/shop\.demo\.test:\d+\/[^"]*"><failure type="critical"/,
    );
    // A high finding passes at --fail-on critical, with its summary kept.
    assert.match(xml, /<testcase classname="cors\.origin-reflected" name="[^"]+"><system-out>high: /);
    // A check that found nothing is a passing case.
    assert.match(xml, /<testcase classname="headers\.[a-z-]+" name="http:\/\/shop\.demo\.test:\d+\/"\/>/);
  });

  it("--baseline: findings already in the earlier report do not count for --fail-on, a new one does", async () => {
    // The site as it is now (.env fixed) against the report from before: nothing new, exit 0.
    const same = await cli([
      "scan",
      url,
      ...pin,
      "--quiet",
      "--format",
      "json",
      "--baseline",
      file("old.json"),
    ]);
    assert.equal(same.code, 0, same.stderr);
    assert.match(
      same.stderr,
      /\d+ findings at or above high are in the baseline and do not count; 0 new ones do\./,
    );
    // Judged against a baseline that lacks the .env finding, the old recording's .env counts as new.
    const recorded = file("old-recording.json");
    envFixed = false;
    const saved = await cli([
      "scan",
      url,
      ...pin,
      "--quiet",
      "--save-artifacts",
      recorded,
      "--format",
      "json",
    ]);
    envFixed = true;
    assert.equal(saved.code, 1, saved.stderr);
    const judged = await cli(["judge", recorded, "--format", "json", "--baseline", file("new.json")]);
    assert.equal(judged.code, 1, judged.stderr);
    assert.match(judged.stderr, /1 new one does\./);
    const bad = await cli(["scan", url, ...pin, "--quiet", "--baseline", file("nope.json")]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^amihackable: --baseline: there is no file at .*nope\.json\n$/);
  });

  it("refuses a missing file or a file that is not a report, in one sentence, exit 2", async () => {
    const missing = await cli(["diff", file("nope.json"), file("new.json")]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^amihackable: there is no file at .*nope\.json\n$/);
    const notReport = await cli(["diff", file("old.sarif"), file("new.json")]);
    assert.equal(notReport.code, 2);
    assert.match(notReport.stderr, /is not an amihackable JSON report/);
  });
});
