import type { Report } from "../../src/engine/report.ts";

/** A finished report with nothing in it, for tests that replace the engine. */
export function fakeReport(url: string): Report {
  const now = new Date().toISOString();
  return {
    schemaVersion: "1.0.0",
    scanner: { name: "amihackable", version: "0.0.0" },
    target: { input: url, url },
    startedAt: now,
    finishedAt: now,
    durationMs: 1,
    outcome: "complete",
    summary: {
      total: 0,
      bySeverity: { info: 0, low: 0, medium: 0, high: 0, critical: 0 },
      highest: null,
      grade: "A+",
    },
    detectedStack: [],
    findings: [],
    probed: { probes: [], checks: [], urls: [] },
    requests: { sent: 0, budget: 150, failed: 0 },
    issues: [],
  };
}
