import type { IncomingMessage, ServerResponse } from "node:http";
import assert from "node:assert/strict";
import { PassThrough } from "node:stream";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { RecordingFile } from "../../src/engine/recording-file.ts";
import { readRecordingFile } from "../../src/engine/recording-schema.ts";
import type { Report } from "../../src/engine/report.ts";
import { replay } from "../../src/engine/scan.ts";
import { buildProgram } from "../../src/interfaces/cli/main.ts";
import { handleDemoRequest } from "../../src/interfaces/demo/vulnerable-site.ts";
import { startServer, type TestServer } from "../support/server.ts";
import { judgeRecorded } from "../tester/judge-recorded.ts";
import { savedRecording } from "../tester/recording.ts";

/** The CLI program in this process (test/cli runs the real binary; here the saved files are the point). */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const collect = () => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    return { stream, text: () => Buffer.concat(chunks).toString("utf8") };
  };
  const out = collect();
  const err = collect();
  let code = 0;
  const program = buildProgram({
    stdout: out.stream,
    stderr: err.stream as unknown as NodeJS.WriteStream,
    setExitCode: (value) => (code = value),
  });
  await program.parseAsync(args, { from: "user" });
  return { code, stdout: out.text(), stderr: err.text() };
}

describe("scan --save-artifacts, then judge", () => {
  let site: TestServer;
  const dir = mkdtempSync(path.join(tmpdir(), "amihackable-replay-"));
  const saved = path.join(dir, "scan.artifacts.json");
  let live: Report;
  let scanCode: number;
  before(async () => {
    site = await startServer(handleDemoRequest);
    const url = `http://shop.demo.test:${site.port}/`;
    const result = await cli([
      "scan",
      url,
      "--resolve",
      `shop.demo.test:${site.port}:127.0.0.1`,
      "--resolve",
      "shop.demo.test:*:127.0.0.1",
      "--header",
      "Authorization: Bearer replay-test-credential-0123456789",
      "--format",
      "json",
      "--save-artifacts",
      saved,
    ]);
    scanCode = result.code;
    live = JSON.parse(result.stdout) as Report;
  });
  after(async () => {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes a file that validates against schemas/recording.schema.json", () => {
    const loaded = readRecordingFile(readFileSync(saved, "utf8"));
    assert.ok(loaded.ok, loaded.ok ? "" : loaded.problems.join("; "));
    assert.ok(loaded.file.recording.exchanges.length > 10, "the demo scan records many exchanges");
    assert.equal(loaded.file.request.authenticated, true);
  });

  it("judges offline to the same findings, grade and exit code as the live scan", async () => {
    assert.ok(live.findings.length > 5, "the demo site must yield findings for this test to mean anything");
    const result = await cli(["judge", saved, "--format", "json"]);
    assert.equal(result.code, scanCode);
    const judged = JSON.parse(result.stdout) as Report;
    assert.deepStrictEqual(judged.findings, live.findings);
    assert.deepStrictEqual(judged.summary, live.summary);
    assert.deepStrictEqual(judged.issues, live.issues);
    assert.equal(judged.startedAt, live.startedAt, "a replay reports the scan it replays");
  });

  it("judges what the file says, not a cache: a response changed in the file changes the findings", () => {
    const file = JSON.parse(readFileSync(saved, "utf8")) as RecordingFile;
    const before = replay(file).findings.filter((finding) => finding.id.startsWith("cors."));
    assert.ok(before.length > 0);
    for (const exchange of file.recording.exchanges)
      if (exchange.response)
        exchange.response.headers = exchange.response.headers.filter(
          ([name]) => !name.startsWith("access-control-"),
        );
    const afterEdit = replay(file).findings.filter((finding) => finding.id.startsWith("cors."));
    assert.deepEqual(afterEdit, []);
  });

  it("becomes a check test: the CheckTester judges the saved file like a built recording", () => {
    const report = judgeRecorded("cors.origin-reflected", savedRecording(saved));
    const expected = live.findings.filter((finding) => finding.id === "cors.origin-reflected");
    // The same findings; only the curl lines lack the scan's --connect-to pins, which live in the file's request.
    const facts = (findings: typeof expected) =>
      findings.map(({ url, urls, summary, severity, evidence }) => ({
        url,
        urls,
        summary,
        severity,
        notes: evidence.map((item) => item.note),
      }));
    assert.deepStrictEqual(facts(report.findings), facts(expected));
    assert.ok(report.findings.length > 0);
  });

  it("keeps the checks the deadline cut while judging cut, and says so", () => {
    const file = JSON.parse(readFileSync(saved, "utf8")) as RecordingFile;
    file.cut = ["cors.origin-reflected", "exposure.env-file"];
    const report = replay(file);
    assert.ok(!report.findings.some((finding) => file.cut!.includes(finding.id)));
    assert.ok(report.findings.length > 0, "the other checks judged");
    const notice = report.issues.find((issue) => issue.message.includes("while judging"));
    assert.match(notice?.message ?? "", /2 checks did not run \(cors.origin-reflected, exposure.env-file\)/);
    assert.equal(report.outcome, "partial");
    assert.equal(report.summary.grade, "partial");
  });

  it("never stores the credentials of an authenticated scan", () => {
    assert.doesNotMatch(readFileSync(saved, "utf8"), /replay-test-credential/);
  });

  it("removes the credentials from every saved answer, even a page that prints the request", async () => {
    // Found in review: phpinfo-style pages and debug toolbars echo the request's headers and cookies.
    const echo = await startServer((req: IncomingMessage, res: ServerResponse) => {
      res.writeHead(200, { "content-type": "text/html", "set-cookie": `seen=${req.headers.cookie ?? ""}` });
      res.end(
        `<html><body><pre>${req.headers.authorization ?? ""} | ${req.headers.cookie ?? ""}</pre></body></html>`,
      );
    });
    try {
      const file = path.join(dir, "echo.json");
      const result = await cli([
        "scan",
        `http://echo.demo.test:${echo.port}/`,
        "--resolve",
        `echo.demo.test:${echo.port}:127.0.0.1`,
        "--resolve",
        "echo.demo.test:*:127.0.0.1",
        "--only",
        "headers",
        "--header",
        "Authorization: Bearer echo-token-0123456789",
        "--cookie",
        "sid=echo-session-abcdef",
        "--format",
        "json",
        "--save-artifacts",
        file,
      ]);
      assert.notEqual(result.code, 2, result.stderr);
      const text = readFileSync(file, "utf8");
      const bodies = (JSON.parse(text) as RecordingFile).recording.exchanges
        .map((exchange) => Buffer.from(exchange.response?.bodyBase64 ?? "", "base64").toString("utf8"))
        .join("\n");
      assert.match(bodies, /\[redacted\]/, "the page did print something where the credentials were");
      for (const secret of ["echo-token-0123456789", "echo-session-abcdef"]) {
        assert.ok(!text.includes(secret), `${secret} is in the file`);
        assert.ok(!bodies.includes(secret), `${secret} is in a saved body`);
      }
      assert.match(result.stderr, /review it before sharing/);
    } finally {
      await echo.close();
    }
  });

  it("refuses a file that is not a recording, or of a version it does not know, with exit code 2", async () => {
    const junk = path.join(dir, "junk.json");
    writeFileSync(junk, JSON.stringify({ hello: "world" }));
    const refused = await cli(["judge", junk]);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /is not a scan recording/);

    // Found in review: files that pass a loose schema but make no sense.
    const edited = (edit: (file: RecordingFile) => void) => {
      const file = JSON.parse(readFileSync(saved, "utf8")) as RecordingFile;
      edit(file);
      const where = path.join(dir, `edited-${Math.random().toString(36).slice(2)}.json`);
      writeFileSync(where, JSON.stringify(file));
      return where;
    };
    const badBase64 = await cli([
      "judge",
      edited((file) => (file.recording.exchanges.find((e) => e.response)!.response!.bodyBase64 = "!!!***")),
    ]);
    assert.equal(badBase64.code, 2);
    assert.match(badBase64.stderr, /not a scan recording/);
    const twins = await cli([
      "judge",
      edited((file) => (file.recording.exchanges[1]!.id = file.recording.exchanges[0]!.id)),
    ]);
    assert.match(twins.stderr, /two exchanges share an id/);
    const ftp = await cli(["judge", edited((file) => (file.request.target = "ftp://shop.demo.test/"))]);
    assert.equal(ftp.code, 2);
    assert.match(ftp.stderr, /not a usable scan recording/);
    const stranger = await cli(["judge", edited((file) => (file.checks = ["nope.nope"]))]);
    assert.match(stranger.stderr, /names no check this version/);
    const someUnknown = await cli([
      "judge",
      edited((file) => file.checks.push("nope.nope")),
      "--format",
      "json",
    ]);
    const partly = JSON.parse(someUnknown.stdout) as Report;
    assert.ok(partly.issues.some((issue) => issue.message.includes("nope.nope")));
    assert.equal(partly.summary.grade, "partial");
    assert.ok(!partly.probed.checks.includes("nope.nope"));

    const future = path.join(dir, "future.json");
    const file = JSON.parse(readFileSync(saved, "utf8")) as { version: number };
    file.version = 99;
    writeFileSync(future, JSON.stringify(file));
    const newer = await cli(["judge", future]);
    assert.equal(newer.code, 2);
    assert.match(newer.stderr, /version/);
  });
});
