import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import type { Finding } from "../../src/core/finding.ts";
import type { ScanOptions } from "../support/scan-url.ts";
import type { Report } from "../../src/engine/report.ts";
import { judgeRecorded } from "./judge-recorded.ts";
import { RecordingBuilder } from "./recording.ts";
import type { Recording } from "../../src/core/recording.ts";
import { scanFixture, type FixtureTarget } from "../support/scan-fixture.ts";
import { startServer, type Handler, type TestServer } from "../support/server.ts";

export interface CheckCase {
  name: string;
  /**
   * A recording (test/tester/recording.ts: "this header, that body"), judged in milliseconds; or a request
   * handler served on loopback, or a starter for a server built another way (express, fastify), scanned
   * live: keep live cases for what is network behaviour.
   */
  site: Recording | RecordingBuilder | Handler | { start: () => Promise<TestServer> };
  /** Scan options; by default the scan runs only the check under test. */
  scan?: ScanOptions & FixtureTarget;
  /** Extra assertions on the finding (vulnerable cases) or the report (both). */
  expect?: (finding: Finding | undefined, report: Report) => void;
}

/**
 * The CheckTester (design rule 4): every check lists vulnerable and safe cases, both required.
 * A vulnerable case must yield the id; a safe case must not; the same id twice for one URL fails.
 */
export function testCheck(id: string, cases: { vulnerable: CheckCase[]; safe: CheckCase[] }): void {
  assert.ok(cases.vulnerable.length > 0, `${id} needs at least one vulnerable case`);
  assert.ok(cases.safe.length > 0, `${id} needs at least one safe case`);
  describe(id, () => {
    const servers: TestServer[] = [];
    after(async () => Promise.all(servers.map((server) => server.close())));
    const run = async (testCase: CheckCase) => {
      if (testCase.site instanceof RecordingBuilder) return judgeRecorded(id, testCase.site.build());
      if ("exchanges" in testCase.site) return judgeRecorded(id, testCase.site);
      const server =
        typeof testCase.site === "function" ? await startServer(testCase.site) : await testCase.site.start();
      servers.push(server);
      const report = await scanFixture(server, { only: [id], ...testCase.scan });
      assert.notEqual(report.outcome, "unreachable", report.failure);
      return report;
    };
    for (const testCase of cases.vulnerable) {
      it(`finds it: ${testCase.name}`, async () => {
        const report = await run(testCase);
        const found = report.findings.filter((finding) => finding.id === id);
        assert.ok(
          found.length > 0,
          `expected ${id}; got ${report.findings.map((f) => f.id).join(", ") || "nothing"}`,
        );
        const keys = found.map((finding) => finding.url);
        assert.equal(new Set(keys).size, keys.length, `${id} reported twice for one URL`);
        testCase.expect?.(found[0], report);
      });
    }
    for (const testCase of cases.safe) {
      it(`stays silent: ${testCase.name}`, async () => {
        const report = await run(testCase);
        const found = report.findings.filter((finding) => finding.id === id);
        assert.deepEqual(
          found.map((f) => f.summary),
          [],
          `${id} must not be reported`,
        );
        testCase.expect?.(undefined, report);
      });
    }
  });
}
