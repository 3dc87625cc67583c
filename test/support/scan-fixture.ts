import assert from "node:assert/strict";
import type { Check } from "../../src/core/check.ts";
import type { Finding } from "../../src/core/finding.ts";
import { toRecordingFile, type RecordedScan } from "../../src/engine/recording-file.ts";
import { readRecordingFile } from "../../src/engine/recording-schema.ts";
import type { Report } from "../../src/engine/report.ts";
import { replay } from "../../src/engine/scan.ts";
import { scanUrl, type ScanOptions } from "./scan-url.ts";
import { loopbackOnly } from "../safety/loopback.ts";
import type { TestServer } from "./server.ts";

/** The name fixtures are scanned under: a real-looking registrable domain, pinned to loopback. */
export const FIXTURE_HOST = "app.fixture.test";

/** Where a fixture scan points: path, host name, and scheme (https for a TLS server). */
export interface FixtureTarget {
  path?: string;
  host?: string;
  scheme?: "http" | "https";
}

/**
 * Scans a loopback test server as http://app.fixture.test:PORT (pinned with a resolve override, as a user
 * would pin staging), so checks that reason about the registrable domain see a normal site. Unless the
 * test passes its own, a lookup that resolves nothing and a loopback-only guard make it impossible for a
 * probe to reach a real host (e.g. the https twin on port 443 of an unpinned name): it fails locally.
 */
export async function scanFixture(
  server: TestServer,
  options: ScanOptions & FixtureTarget = {},
): Promise<Report> {
  const { report, recorded, streamed } = await scanFixtureRecorded(server, options);
  assertReplays(report, recorded, options.checks);
  assertStreamed(report, streamed);
  return report;
}

/** The scan alone, with what it recorded (hostile tests measure this part, then check the replay). */
export async function scanFixtureRecorded(
  server: TestServer,
  options: ScanOptions & FixtureTarget = {},
): Promise<{ report: Report; recorded: RecordedScan | undefined; streamed: Finding[] }> {
  const host = options.host ?? FIXTURE_HOST;
  const { path = "/", scheme = "http", ...rest } = options;
  const { lookup, guard } = loopbackOnly();
  let recorded: RecordedScan | undefined;
  const streamed: Finding[] = [];
  const report = await scanUrl(`${scheme}://${host}:${server.port}${path}`, {
    timeoutMs: 20_000,
    lookup,
    guard,
    allowNonDefaultPorts: true,
    ...rest,
    resolve: [`${host}:${server.port}:127.0.0.1`, ...(options.resolve ?? [])],
    onRecorded: (scan) => {
      recorded = scan;
      options.onRecorded?.(scan);
    },
    onProgress: (event) => {
      if (event.type === "finding") streamed.push(structuredClone(event.finding));
      options.onProgress?.(event);
    },
  });
  return { report, recorded, streamed };
}

/** The scan alone, without the replay check: what benchmarks measure. */
export async function scanFixtureAlone(
  server: TestServer,
  options: ScanOptions & FixtureTarget = {},
): Promise<Report> {
  return (await scanFixtureRecorded(server, options)).report;
}

/**
 * Every fixture scan of the suite is also a replay test: its recording, written to JSON and read back
 * through the schema, must judge to the same findings, grade and outcome as the live scan.
 */
export function assertReplays(
  report: Report,
  recorded: RecordedScan | undefined,
  checks?: readonly Check[],
): void {
  assert.ok(recorded, "the scan handed over no recording");
  const loaded = readRecordingFile(JSON.stringify(toRecordingFile(recorded)));
  assert.ok(
    loaded.ok,
    `the recording does not match its schema: ${loaded.ok ? "" : loaded.problems.join("; ")}`,
  );
  const replayed = replay(loaded.file, checks);
  const { startedAt: _s, finishedAt: _f, durationMs: _d, ...live } = report;
  const { startedAt: _rs, finishedAt: _rf, durationMs: _rd, ...again } = replayed;
  assert.deepStrictEqual(again, live, "judging the saved artifacts must give the live scan's report");
}

/**
 * Every fixture scan is also a streaming test: the findings handed over while the scan ran (copied as they
 * arrived, so a later change to them would show) are exactly the report's, each once, whenever it came.
 */
export function assertStreamed(report: Report, streamed: readonly Finding[]): void {
  const canonical = (findings: readonly Finding[]) =>
    findings.map((finding) => JSON.stringify(finding)).sort();
  assert.deepStrictEqual(
    canonical(streamed),
    canonical(report.findings),
    "the findings streamed while scanning must be the report's findings, each once",
  );
}

export function ids(report: Report): string[] {
  return report.findings.map((finding) => finding.id).sort();
}

/** Findings above informational: what the silence tests require to be empty. */
export function aboveInfo(report: Report): string[] {
  return report.findings
    .filter((finding) => finding.severity !== "info")
    .map((finding) => `${finding.id} @ ${finding.url}`);
}
