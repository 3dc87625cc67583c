import type { Check, Finding, Recording } from "../core/index.ts";
import { DetectedStack, DISCOVERY_PROBE, stackChoiceSettled } from "../artifacts/index.ts";
import type { ConnectOverride } from "../http/index.ts";
import type { Probe } from "../probes/index.ts";
import { pinCurls } from "./curl-pins.ts";
import { type CheckVerdict, judgeCheck, pageUnreachable, sortFindings } from "./judge.ts";
import { settledChecks } from "./settled-checks.ts";

/**
 * Judges checks while the probes still run, so their findings can be shown as soon as they are confirmed.
 * After each probe ends it judges the checks whose inputs have settled (`settledChecks`) and whose
 * finding would already carry its final fix and AI prompt (`stackChoiceSettled`), over a copy of the
 * recording so far; a check judged here gives what judging it over the final recording gives, and the
 * final judging (`judgeRecording` with `verdicts`) uses its verdict as is, so the report is the one a
 * judging after gathering gives, and `replay` of the saved recording gives it again.
 */
export class JudgingWhileGathering {
  /** Verdicts given so far, by check id. */
  readonly verdicts = new Map<string, CheckVerdict>();
  private pending: Check[];
  private readonly probes: readonly Probe[];
  private readonly pins: readonly ConnectOverride[];
  private readonly until: number;
  private readonly onFinding: (finding: Finding) => void;

  constructor(options: {
    checks: readonly Check[];
    waves: readonly (readonly Probe[])[];
    pins: readonly ConnectOverride[];
    /** Past this (performance.now()), nothing is judged early: the deadline's judging decides what is cut. */
    until: number;
    onFinding: (finding: Finding) => void;
  }) {
    this.pending = [...options.checks];
    this.probes = options.waves.flat();
    this.pins = options.pins;
    this.until = options.until;
    this.onFinding = options.onFinding;
  }

  /** A probe has ended: judge what its end settled and hand over the findings, most severe first. */
  probeFinished(finished: ReadonlySet<string>, recordingSoFar: () => Recording): void {
    const ready = settledChecks(this.pending, this.probes, finished);
    if (ready.length === 0) return;
    const recording = recordingSoFar();
    const discoveryPlanned = this.probes.some((probe) => probe.name === DISCOVERY_PROBE);
    if (discoveryPlanned && !finished.has(DISCOVERY_PROBE)) return;
    if (pageUnreachable(recording, discoveryPlanned ? [DISCOVERY_PROBE] : [])) return;
    const stacks = DetectedStack.of(recording);
    const found: Finding[] = [];
    for (const check of ready) {
      if (performance.now() > this.until) break;
      if (!stackChoiceSettled(recording, check.meta.fixes)) continue;
      const verdict = judgeCheck(check, recording, stacks);
      pinCurls(verdict.findings, this.pins);
      this.verdicts.set(check.meta.id, verdict);
      found.push(...verdict.findings);
    }
    this.pending = this.pending.filter((check) => !this.verdicts.has(check.meta.id));
    for (const finding of sortFindings(found)) this.onFinding(finding);
  }
}
