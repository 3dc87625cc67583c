import { CHECKS } from "../checks/index.ts";
import type { Check, Finding } from "../core/index.ts";
import { PROBES, type Probe } from "../probes/index.ts";
import { gather, type ScanRuntime } from "./gather.ts";
import { judgeRecording } from "./judge.ts";
import { JudgingWhileGathering } from "./judging-while-gathering.ts";
import { planScan } from "./plan.ts";
import { recordingFrom, type RecordedScan, type RecordingFile } from "./recording-file.ts";
import { assembleReport, type Report } from "./report.ts";
import { scanRequest, type ScanRequest } from "./request.ts";

/** The least time judging gets, even when the probes used the whole deadline. */
export const MIN_JUDGING_MS = 10_000;

/** Every check a scan runs unless told otherwise: only such a scan earns a grade. */
const DEFAULT_CHECK_IDS: readonly string[] = CHECKS.map((check) => check.meta.id);

export interface ScanHooks extends ScanRuntime {
  /** Receives what the scan recorded, once judged (`toRecordingFile` makes the file for --save-artifacts). */
  onRecorded?: (scan: RecordedScan) => void;
  /** For tests: the checks and probes to use instead of the registries. */
  checks?: readonly Check[];
  probes?: readonly Probe[];
}

/**
 * Scans one target: plan (which checks, which probes), gather (probes send requests through the HTTP
 * layer), judge (pure checks over typed artifacts), assemble the report. Never throws for target trouble.
 */
export async function scan(request: ScanRequest, hooks: ScanHooks = {}): Promise<Report> {
  const started = performance.now();
  const plan = planScan(request.settings, { checks: hooks.checks ?? CHECKS, probes: hooks.probes ?? PROBES });
  // Findings stream: each check is judged as soon as the probes its inputs come from have finished.
  const streamed = new Set<Finding>();
  const early = new JudgingWhileGathering({
    checks: plan.checks,
    waves: plan.waves,
    pins: request.pins,
    until: started + request.settings.timeoutMs,
    onFinding: (finding) => {
      streamed.add(finding);
      hooks.onProgress?.({ type: "finding", finding });
    },
  });
  const { recording, facts } = await gather(request, plan, hooks, (finished, recordingSoFar) =>
    early.probeFinished(finished, recordingSoFar),
  );
  hooks.onProgress?.({ type: "judging", checks: plan.checks.length });
  // Judging may use what is left of the deadline, and never less than a floor, so a scan whose probes ran
  // to the deadline is still judged; past it, the remaining checks are cut and named in the report.
  const stopAt = Math.max(started + request.settings.timeoutMs, performance.now() + MIN_JUDGING_MS);
  const judged = judgeRecording(
    plan.checks,
    recording,
    request.pins,
    facts.probesRun,
    stopAt,
    early.verdicts,
  );
  for (const finding of judged.findings)
    if (!streamed.has(finding)) hooks.onProgress?.({ type: "finding", finding });
  const checks = plan.checks.map((check) => check.meta.id);
  const finishedAt = new Date().toISOString();
  const durationMs = Math.round(performance.now() - started);
  hooks.onRecorded?.({ request, checks, cut: judged.cut, recording, facts, finishedAt, durationMs });
  return assembleReport({
    request,
    checks,
    defaultChecks: DEFAULT_CHECK_IDS,
    recording,
    facts,
    judged,
    finishedAt,
    durationMs,
  });
}

/**
 * Judges a recorded scan again, offline: the same checks over the same recording give the same findings.
 * The registry's checks are matched by id; a check the file names that this version lacks is skipped.
 */
export function replay(file: RecordingFile, registry: readonly Check[] = CHECKS): Report {
  const { settings, pins } = file.request;
  const request = scanRequest(file.request.target, { ...settings, resolve: pins });
  const known = registry.filter((check) => file.checks.includes(check.meta.id));
  if (known.length === 0 && file.checks.length > 0)
    throw new Error("it names no check this version of amihackable knows");
  const knownIds = known.map((check) => check.meta.id);
  const unknown = file.checks.filter((id) => !knownIds.includes(id));
  // The checks the deadline stopped in the live scan stay stopped: the replay reports the same scan.
  const cut = (file.cut ?? []).filter((id) => knownIds.includes(id));
  const checks = known.filter((check) => !cut.includes(check.meta.id));
  // A check this version lacks did not judge: the report says so (and so gives no grade).
  const issues = [...file.facts.issues];
  if (unknown.length > 0)
    issues.push({
      kind: "check-error",
      message: `${unknown.length} check${unknown.length === 1 ? "" : "s"} of the recorded scan ${unknown.length === 1 ? "is" : "are"} unknown to this version and did not judge: ${unknown.slice(0, 10).join(", ")}`,
    });
  const recording = recordingFrom(file);
  const judged = { ...judgeRecording(checks, recording, request.pins, file.facts.probesRun), cut: [...cut] };
  return assembleReport({
    request,
    checks: knownIds,
    defaultChecks: DEFAULT_CHECK_IDS,
    recording,
    facts: { ...file.facts, issues },
    judged,
    finishedAt: file.finishedAt,
    durationMs: file.durationMs,
  });
}
