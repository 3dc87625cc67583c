import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { handleDemoRequest } from "../../src/interfaces/demo/vulnerable-site.ts";
import { cli } from "../support/cli.ts";
import { startServer, type TestServer } from "../support/server.ts";

interface JsonFinding {
  id: string;
  url: string;
  severity: string;
  fingerprint: string;
  baselineState?: string;
}
interface JsonReport {
  findings: JsonFinding[];
  summary: { total: number; grade: string };
  suppressed?: Array<{ id: string; url: string; reason: string; fingerprint: string; expires?: string }>;
}

/**
 * The files a project keeps beside its code: a config (JSON or YAML) for the options it repeats, and an
 * ignore list of findings it accepted with a reason. One real scan of the demo site is recorded, and the
 * rest judges that recording again (offline, the same findings), through the real CLI in a child process.
 */
describe("project files: config, ignore list, baseline marks", () => {
  let site: TestServer;
  let url: string;
  let pin: string[];
  const seenTokens: string[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), "amihackable-project-"));
  const file = (name: string) => path.join(dir, name);
  /** A fresh project folder per test, so one test's config is never another's. */
  const project = (name: string, files: Record<string, string>) => {
    const folder = path.join(dir, name);
    mkdirSync(folder, { recursive: true });
    for (const [fileName, content] of Object.entries(files))
      writeFileSync(path.join(folder, fileName), content);
    return folder;
  };
  const recording = () => file("recording.json");
  let full: JsonReport;
  let envFinding: JsonFinding;

  before(async () => {
    site = await startServer((req: IncomingMessage, res: ServerResponse) => {
      const token = req.headers["x-scan-token"];
      if (typeof token === "string") seenTokens.push(token);
      handleDemoRequest(req, res);
    });
    url = `http://shop.demo.test:${site.port}/`;
    pin = ["--resolve", `shop.demo.test:${site.port}:127.0.0.1`, "--resolve", "shop.demo.test:*:127.0.0.1"];
    const scanned = await cli([
      "scan",
      url,
      ...pin,
      "--quiet",
      "--format",
      "json",
      "--output",
      file("full.json"),
      "--save-artifacts",
      recording(),
    ]);
    assert.equal(scanned.code, 1, scanned.stderr);
    full = JSON.parse(readFileSync(file("full.json"), "utf8")) as JsonReport;
    envFinding = full.findings.find((finding) => finding.id === "exposure.env-file")!;
    assert.ok(envFinding, "the demo site serves its .env");
  });
  after(async () => {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("a config file's options apply, ${NAME} comes from the environment, and a flag on the command line wins", async () => {
    const folder = project("config-yaml", {
      ".amihackable.yml": [
        "# the options this project repeats",
        "failOn: critical",
        "format: json",
        "budget: 40",
        "headers:",
        "  X-Scan-Token: Bearer ${SCAN_TOKEN}",
        "",
      ].join("\n"),
    });
    const scanned = await cli(["scan", url, ...pin, "--quiet"], {
      cwd: folder,
      env: { SCAN_TOKEN: "t0k3n-from-ci" },
    });
    assert.equal(scanned.code, 1, scanned.stderr);
    const report = JSON.parse(scanned.stdout) as JsonReport & { requests: { budget: number } };
    assert.equal(report.requests.budget, 40, "budget from the config");
    assert.ok(seenTokens.includes("Bearer t0k3n-from-ci"), "the header reached the target, expanded");
    // The command line's --budget and --format win over the config's.
    const overridden = await cli(["scan", url, ...pin, "--quiet", "--budget", "30", "--format", "markdown"], {
      cwd: folder,
      env: { SCAN_TOKEN: "x" },
    });
    assert.match(overridden.stdout, /^## amihackable: grade /);
    // A critical finding fails at the config's failOn; at --fail-on given on the command line as well.
    const judged = await cli(["judge", recording(), "--fail-on", "critical"], { cwd: folder });
    assert.equal(judged.code, 1, judged.stderr);
  });

  it("refuses a config that is wrong, in one sentence naming the file and the key, exit 2", async () => {
    const unknownKey = project("config-bad-key", { "amihackable.config.json": '{ "failon": "high" }' });
    const refused = await cli(["judge", recording()], { cwd: unknownKey });
    assert.equal(refused.code, 2);
    assert.equal(
      refused.stderr,
      'amihackable: amihackable.config.json: the top level: unknown key "failon"\n',
    );

    // Every problem of a file is said at once, so it is fixed in one go.
    const several = project("config-several", { ".amihackable.yml": "failOn: hihg\nbudjet: 10\n" });
    const problems = await cli(["judge", recording()], { cwd: several });
    assert.equal(
      problems.stderr,
      'amihackable: .amihackable.yml: the top level: unknown key "budjet"; failOn must be one of info, low, medium, high, critical\n',
    );

    const badValue = project("config-bad-value", { ".amihackable.yml": "failOn: severe\n" });
    const bad = await cli(["judge", recording()], { cwd: badValue });
    assert.equal(bad.code, 2);
    assert.match(
      bad.stderr,
      /^amihackable: \.amihackable\.yml: failOn must be one of info, low, medium, high, critical\n$/,
    );

    const notYaml = project("config-not-yaml", { ".amihackable.yml": "failOn: [high\n" });
    const broken = await cli(["judge", recording()], { cwd: notYaml });
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /^amihackable: .*\.amihackable\.yml:\d+:\d+ is not valid YAML: /);

    const unset = project("config-unset-env", {
      ".amihackable.yml": "headers:\n  Authorization: Bearer ${NOT_SET_HERE}\n",
    });
    const missing = await cli(["scan", url, ...pin, "--quiet"], { cwd: unset });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /headers\.Authorization names \$\{NOT_SET_HERE\}, which is not set/);

    const two = project("config-two", {
      ".amihackable.yml": "failOn: high\n",
      "amihackable.config.json": "{}",
    });
    const both = await cli(["judge", recording()], { cwd: two });
    assert.equal(both.code, 2);
    assert.match(
      both.stderr,
      /amihackable\.config\.json and \.amihackable\.yml are both here: keep one config file/,
    );
  });

  it("an ignore entry moves the finding to the accepted list with its reason, and it no longer fails the build", async () => {
    const folder = project("ignore", {
      ".amihackableignore": [
        `- fingerprint: ${envFinding.fingerprint}`,
        "  reason: the .env of the demo shop holds only fake keys",
        "  expires: 2999-12-31",
        "- id: secret.*",
        "  reason: not an id, never matches",
        "",
      ].join("\n"),
    });
    // The second entry is refused: an id must be a finding id.
    const refused = await cli(["judge", recording()], { cwd: folder });
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /^amihackable: \.amihackableignore: \[1\]\.id must match pattern/);

    writeFileSync(
      path.join(folder, ".amihackableignore"),
      [
        `- fingerprint: ${envFinding.fingerprint}`,
        "  reason: the .env of the demo shop holds only fake keys",
        "  expires: 2999-12-31",
        "",
      ].join("\n"),
    );
    const judged = await cli(["judge", recording(), "--format", "json", "--fail-on", "critical"], {
      cwd: folder,
    });
    const report = JSON.parse(judged.stdout) as JsonReport;
    assert.ok(!report.findings.some((finding) => finding.id === "exposure.env-file"));
    assert.equal(report.summary.total, full.summary.total - 1);
    assert.equal(report.summary.grade, full.summary.grade, "the grade says how the site stands");
    assert.deepEqual(
      report.suppressed?.map(({ id, reason, expires }) => ({ id, reason, expires })),
      [
        {
          id: "exposure.env-file",
          reason: "the .env of the demo shop holds only fake keys",
          expires: "2999-12-31",
        },
      ],
    );
    assert.match(judged.stderr, /1 finding accepted by ignore entries is left out of the count/);

    // The text report lists it with the reason; SARIF keeps it as a suppressed result; junit skips it.
    const text = await cli(["judge", recording()], { cwd: folder });
    assert.doesNotMatch(text.stdout, /NEW/, "no finding is marked new without --baseline");
    assert.match(
      text.stdout,
      /ACCEPTED \(1\), left out by ignore entries\n {2}○ .* \[exposure\.env-file\] .*\n {4}reason: the \.env of the demo shop holds only fake keys \(until 2999-12-31\)/,
    );
    const sarif = await cli(["judge", recording(), "--format", "sarif"], { cwd: folder });
    const results = (
      JSON.parse(sarif.stdout) as {
        runs: Array<{
          results: Array<{ ruleId: string; suppressions?: Array<{ kind: string; justification: string }> }>;
        }>;
      }
    ).runs[0]!.results;
    const suppressed = results.filter((result) => result.suppressions);
    assert.deepEqual(
      suppressed.map((result) => [
        result.ruleId,
        result.suppressions![0]!.kind,
        result.suppressions![0]!.justification,
      ]),
      [
        [
          "exposure.env-file",
          "external",
          "the .env of the demo shop holds only fake keys (until 2999-12-31)",
        ],
      ],
    );
    const junit = await cli(["judge", recording(), "--format", "junit"], { cwd: folder });
    assert.match(
      junit.stdout,
      /<testcase classname="exposure\.env-file" name="[^"]+"><skipped message="accepted: the \.env of the demo shop holds only fake keys"\/><\/testcase>/,
    );
    assert.match(junit.stdout, /skipped="1"/);
  });

  it("an id with a URL pattern accepts every finding of that id on matching URLs only", async () => {
    const cors = full.findings.filter((finding) => finding.id.startsWith("cors."));
    assert.ok(cors.length > 0, "the demo site has CORS findings");
    const folder = project("ignore-pattern", {
      "amihackable.config.json": JSON.stringify({
        ignore: [
          { id: cors[0]!.id, url: `${url}*`, reason: "the demo API is public on purpose" },
          { id: cors[0]!.id, url: "https://elsewhere.example/*", reason: "matches nothing here" },
        ],
      }),
    });
    const judged = await cli(["judge", recording(), "--format", "json"], { cwd: folder });
    const report = JSON.parse(judged.stdout) as JsonReport;
    assert.ok(!report.findings.some((finding) => finding.id === cors[0]!.id));
    assert.equal(
      report.suppressed?.length,
      full.findings.filter((finding) => finding.id === cors[0]!.id).length,
    );
    assert.ok(report.suppressed.every((entry) => entry.reason === "the demo API is public on purpose"));
  });

  it("an expired entry stops applying, and says so on stderr", async () => {
    const folder = project("ignore-expired", {
      ".amihackableignore": JSON.stringify([
        { id: "exposure.env-file", reason: "accepted for the launch week", expires: "2020-01-31" },
      ]),
    });
    const judged = await cli(["judge", recording(), "--format", "json", "--fail-on", "critical"], {
      cwd: folder,
    });
    assert.equal(judged.code, 1, "the .env counts again");
    const report = JSON.parse(judged.stdout) as JsonReport;
    assert.ok(report.findings.some((finding) => finding.id === "exposure.env-file"));
    assert.deepEqual(report.suppressed, []);
    assert.match(
      judged.stderr,
      /^amihackable: \.amihackableignore entry 1 \(exposure\.env-file\) expired on 2020-01-31, so what it accepted counts again/,
    );
    // An entry without a reason is refused: a silenced finding must say why.
    writeFileSync(path.join(folder, ".amihackableignore"), '[{ "id": "exposure.env-file" }]');
    const noReason = await cli(["judge", recording()], { cwd: folder });
    assert.equal(noReason.code, 2);
    assert.match(noReason.stderr, /\.amihackableignore: \[0\]: "reason" is missing/);
    // --ignore-file names another file; one that is missing is an error, not an empty list.
    const missing = await cli(["judge", recording(), "--ignore-file", file("nope.yml")], { cwd: folder });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^amihackable: --ignore-file: there is no file at .*nope\.yml\n$/);
  });

  it("batch reads the same files: the config's options and the accepted findings apply to every site", async () => {
    const folder = project("batch", {
      ".amihackable.yml": "failOn: critical\nbudget: 60\n",
      ".amihackableignore": [
        "- id: exposure.env-file",
        "  reason: the demo's .env holds fake keys",
        "- id: secret.stripe-secret-key",
        "  reason: a test key of the demo shop",
        "  expires: 2020-06-30",
        "",
      ].join("\n"),
      "sites.txt": `${url}\n`,
    });
    const batch = await cli(["batch", "sites.txt", ...pin, "--quiet"], { cwd: folder });
    const [record] = batch.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { findings: Array<{ id: string; severity: string }> });
    assert.ok(record, batch.stderr);
    assert.ok(!record.findings.some((finding) => finding.id === "exposure.env-file"), "accepted");
    // The expired entry is said once and accepts nothing; the critical secret still fails at failOn: critical.
    assert.equal((batch.stderr.match(/expired on 2020-06-30/g) ?? []).length, 1);
    assert.ok(record.findings.some((finding) => finding.id === "secret.stripe-secret-key"));
    assert.equal(batch.code, 1, batch.stderr);
  });

  it("against a baseline, each finding says whether it is new (JSON, SARIF, text, markdown)", async () => {
    // Without --baseline nothing is new or unchanged: the marks are a baseline's, never a default.
    assert.ok(full.findings.every((finding) => !("baselineState" in finding)));
    const withoutEnv = {
      ...full,
      findings: full.findings.filter((finding) => finding.id !== "exposure.env-file"),
    };
    writeFileSync(file("baseline.json"), JSON.stringify(withoutEnv));
    const json = await cli(["judge", recording(), "--format", "json", "--baseline", file("baseline.json")]);
    const report = JSON.parse(json.stdout) as JsonReport;
    const states = new Map(
      report.findings.map((finding) => [finding.id + finding.url, finding.baselineState]),
    );
    assert.equal(states.get(envFinding.id + envFinding.url), "new");
    assert.deepEqual(
      new Set(
        report.findings.filter((finding) => finding.id !== "exposure.env-file").map((f) => f.baselineState),
      ),
      new Set(["unchanged"]),
    );
    const sarif = await cli(["judge", recording(), "--format", "sarif", "--baseline", file("baseline.json")]);
    const results = (
      JSON.parse(sarif.stdout) as {
        runs: Array<{ results: Array<{ ruleId: string; baselineState: string }> }>;
      }
    ).runs[0]!.results;
    assert.deepEqual(
      results.filter((result) => result.baselineState === "new").map((result) => result.ruleId),
      ["exposure.env-file"],
    );
    const text = await cli(["judge", recording(), "--baseline", file("baseline.json")]);
    assert.equal((text.stdout.match(/● NEW /g) ?? []).length, 1);
    assert.match(text.stdout, /● NEW .*\[exposure\.env-file\]/);
    const markdown = await cli([
      "judge",
      recording(),
      "--format",
      "markdown",
      "--baseline",
      file("baseline.json"),
    ]);
    assert.match(markdown.stdout, /\n1 new since the baseline\.\n/);
    assert.match(markdown.stdout, /\| \*\*new\*\* /);
    const page = await cli(["judge", recording(), "--format", "html", "--baseline", file("baseline.json")]);
    assert.equal((page.stdout.match(/<span class="amh-new"/g) ?? []).length, 1, "one finding is new");
  });
});
