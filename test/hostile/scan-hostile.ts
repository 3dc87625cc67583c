import assert from "node:assert/strict";
import { CHECKS } from "../../src/checks/index.ts";
import type { Finding } from "../../src/core/finding.ts";
import type { ScanIssue } from "../../src/core/scan-issue.ts";
import type { Report } from "../../src/engine/report.ts";
import type { ScanOptions } from "../support/scan-url.ts";
import { loopbackOnly } from "../safety/loopback.ts";
import { peakGrowth, timed } from "../safety/memory.ts";
import { assertReplays, scanFixtureRecorded, type FixtureTarget } from "../support/scan-fixture.ts";
import type { TestServer } from "../support/server.ts";
import { WITNESS_ID, witnessCheck } from "./witness-check.ts";

export const HOSTILE_TIMEOUT_MS = 10_000;
/**
 * Behaviour bounds, not performance targets: a hostile site must not hold a scan or its memory. The
 * memory bound is the peak RSS growth of one default scan (about 85 requests since the exposure, graphql
 * and mcp probes, was about 45), bodies capped per response and per scan: a bomb that were not capped would
 * take gigabytes.
 */
export const TIME_BOUND_MS = HOSTILE_TIMEOUT_MS + 5_000;
export const MEMORY_BOUND_MIB = 256;

export interface HostileScan {
  report: Report;
  ms: number;
  rssMiB: number;
  buffersMiB: number;
  /** What the checks saw of the page (undefined when the page was never fetched). */
  witness: Finding | undefined;
}

/** Scans a hostile site with every check (plus the witness), timing it and watching memory. */
export async function scanHostile(
  server: TestServer,
  options: ScanOptions & FixtureTarget = {},
): Promise<HostileScan> {
  const checks = [...CHECKS, witnessCheck];
  const measured = await peakGrowth(() =>
    timed(() =>
      scanFixtureRecorded(server, {
        ...loopbackOnly(),
        timeoutMs: HOSTILE_TIMEOUT_MS,
        checks,
        ...options,
      }),
    ),
  );
  const {
    result: { report, recorded },
    ms,
  } = measured.result;
  // Measured above is the scan; saving and replaying its artifacts is checked after, outside the bound.
  assertReplays(report, recorded, options.checks ?? checks);
  return {
    report,
    ms,
    rssMiB: measured.rssMiB,
    buffersMiB: measured.buffersMiB,
    witness: report.findings.find((finding) => finding.id === WITNESS_ID),
  };
}

/** The scan ended in time, within the memory bound, and judged the page. */
export function assertBounded(scan: HostileScan, memoryBoundMiB = MEMORY_BOUND_MIB): void {
  assert.ok(scan.ms < TIME_BOUND_MS, `the scan took ${Math.round(scan.ms)} ms`);
  assert.ok(scan.rssMiB < memoryBoundMiB, `memory grew by ${Math.round(scan.rssMiB)} MiB (rss)`);
  assert.ok(scan.buffersMiB < memoryBoundMiB, `buffers grew by ${Math.round(scan.buffersMiB)} MiB`);
  assert.ok(scan.report.requests.sent <= scan.report.requests.budget);
}

/** The report's issues of one kind, for messages. */
export function issuesOf(report: Report, kind: ScanIssue["kind"]): ScanIssue[] {
  return report.issues.filter((issue) => issue.kind === kind);
}
