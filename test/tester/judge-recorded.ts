import { CHECKS } from "../../src/checks/index.ts";
import type { Recording } from "../../src/core/recording.ts";
import type { Check } from "../../src/core/check.ts";
import { judgeRecording } from "../../src/engine/judge.ts";
import { selectChecks } from "../../src/engine/plan.ts";
import { assembleReport, type Report } from "../../src/engine/report.ts";
import { scanRequest } from "../../src/engine/request.ts";

/**
 * Judges a built recording with the checks `only` selects, and assembles the report a scan would give:
 * the CheckTester's fast path, with no server and no request.
 */
export function judgeRecorded(
  only: string,
  recording: Recording,
  registry: readonly Check[] = CHECKS,
): Report {
  const checks = selectChecks(registry, [only]);
  const request = scanRequest(recording.target.url, { only: [only] });
  const facts = {
    startedAt: "2026-01-01T00:00:00.000Z",
    finishedAt: "2026-01-01T00:00:01.000Z",
    durationMs: 1000,
    probesRun: ["discovery"],
    requestsSent: recording.exchanges.length,
    budget: request.settings.budget,
    budgetExhausted: false,
    responsesWithHeadersDropped: 0,
    bodyAllowanceExhausted: false,
    maxTotalBodyBytes: 64 * 1024 * 1024,
    cut: false,
    cancelled: false,
    timeoutMs: request.settings.timeoutMs,
    issues: [],
  };
  const judged = judgeRecording(checks, recording, [], facts.probesRun);
  if (judged.errors.length > 0) throw new Error(judged.errors.map((e) => `${e.id}: ${e.message}`).join("; "));
  return assembleReport({
    request,
    checks: checks.map((check) => check.meta.id),
    defaultChecks: CHECKS.map((check) => check.meta.id),
    recording,
    facts,
    judged,
    finishedAt: facts.finishedAt,
    durationMs: facts.durationMs,
  });
}
