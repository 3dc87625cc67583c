import {
  type Recording,
  checkInput,
  type Check,
  scoreCvss,
  type Finding,
  type FindingDraft,
  severityRank,
  type Stack,
} from "../core/index.ts";
import { DetectedStack, DISCOVERY_PROBE } from "../artifacts/index.ts";
import type { ConnectOverride } from "../http/index.ts";
import { aiPromptFor } from "./ai-prompt.ts";
import { pinCurls } from "./curl-pins.ts";

const MAX_EVIDENCE = 3;
const MAX_URLS = 50;

/**
 * Turns a check's drafts into findings: drafts with the same group key become one finding (one per
 * issue and endpoint group, not one per probe), the meta is attached and the CVSS score computed.
 */
export function findingsFor(
  check: Check,
  drafts: readonly FindingDraft[],
  stacks: readonly Stack[],
): Finding[] {
  const groups = new Map<string, FindingDraft[]>();
  for (const draft of drafts) {
    const key = `${draft.groupKey ?? draft.url}|${draft.cvss ?? ""}`;
    const group = groups.get(key);
    if (group) group.push(draft);
    else groups.set(key, [draft]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    const cvss = scoreCvss(first.cvss ?? check.meta.cvss);
    const urls = [...new Set(group.map((draft) => draft.url))].slice(0, MAX_URLS);
    const evidence = group.flatMap((draft) => draft.evidence).slice(0, MAX_EVIDENCE);
    const summary =
      urls.length > 1
        ? `${first.summary} The same holds for ${urls.length - 1} more URL${urls.length > 2 ? "s" : ""} on this host.`
        : first.summary;
    const finding: Finding = {
      id: check.meta.id,
      title: check.meta.title,
      severity: cvss.severity,
      cvss: { vector: cvss.vector, score: cvss.score },
      cwe: check.meta.cwe,
      references: check.meta.references,
      explanation: check.meta.explanation,
      fixes: check.meta.fixes,
      learn: check.meta.learn,
      url: first.url,
      urls,
      summary,
      evidence,
      details: first.details ?? {},
      aiPrompt: aiPromptFor(check.meta, first.url, summary, evidence, stacks),
    };
    if (first.poc) finding.poc = first.poc;
    return finding;
  });
}

/** What one check gave: its findings, or the error it threw (a bug, reported, never fatal). */
export interface CheckVerdict {
  findings: Finding[];
  error?: { id: string; message: string };
}

/** Runs one check over the artifacts of a recording (pure: the same recording gives the same verdict). */
export function judgeCheck(check: Check, recording: Recording, stacks: readonly Stack[]): CheckVerdict {
  try {
    return {
      findings: findingsFor(
        check,
        check.analyse(checkInput(recording, check.meta.needs, check.meta.id)),
        stacks,
      ),
    };
  } catch (error) {
    return {
      findings: [],
      error: { id: check.meta.id, message: error instanceof Error ? error.message : String(error) },
    };
  }
}

/** The report's order: most severe first, then by score, id and URL (stable: ties keep the checks' order). */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      severityRank(b.severity) - severityRank(a.severity) ||
      b.cvss.score - a.cvss.score ||
      a.id.localeCompare(b.id) ||
      a.url.localeCompare(b.url),
  );
}

/**
 * Runs every check over the artifacts of one recording; a check that throws is a bug, reported, never
 * fatal. `judgedBefore` holds verdicts given while the scan was still gathering (over inputs that had
 * settled, so the same as judging them now): they are used as they are, in the checks' order.
 */
export function judge(
  checks: readonly Check[],
  recording: Recording,
  stacks: readonly Stack[],
  stopAt?: number,
  judgedBefore: ReadonlyMap<string, CheckVerdict> = new Map(),
): { findings: Finding[]; errors: Array<{ id: string; message: string }>; cut: string[] } {
  const findings: Finding[] = [];
  const errors: Array<{ id: string; message: string }> = [];
  const cut: string[] = [];
  for (const check of checks) {
    const before = judgedBefore.get(check.meta.id);
    if (before) {
      findings.push(...before.findings);
      if (before.error) errors.push(before.error);
      continue;
    }
    // The deadline covers judging: once it has passed, the remaining checks are named, not run.
    if (stopAt !== undefined && (cut.length > 0 || performance.now() > stopAt)) {
      cut.push(check.meta.id);
      continue;
    }
    const verdict = judgeCheck(check, recording, stacks);
    findings.push(...verdict.findings);
    if (verdict.error) errors.push(verdict.error);
  }
  return { findings: sortFindings(findings), errors, cut };
}

/** What judging a recording gives: findings (curl lines pinned like the scan), check errors, the stack. */
export interface Judged {
  findings: Finding[];
  errors: Array<{ id: string; message: string }>;
  stacks: Stack[];
  /** The page never answered: nothing was judged. */
  unreachable: boolean;
  /** Checks the deadline stopped before they ran. */
  cut: string[];
}

export function judgeRecording(
  checks: readonly Check[],
  recording: Recording,
  pins: readonly ConnectOverride[],
  probesRun: readonly string[],
  stopAt?: number,
  judgedBefore?: ReadonlyMap<string, CheckVerdict>,
): Judged {
  const unreachable = pageUnreachable(recording, probesRun);
  if (unreachable) return { findings: [], errors: [], stacks: [], unreachable, cut: [] };
  const stacks = DetectedStack.of(recording);
  const { findings, errors, cut } = judge(checks, recording, stacks, stopAt, judgedBefore);
  pinCurls(findings, pins);
  return { findings, errors, stacks, unreachable, cut };
}

/** Discovery ran and the page never answered: there is nothing to judge. */
export function pageUnreachable(recording: Recording, probesRun: readonly string[]): boolean {
  return probesRun.includes(DISCOVERY_PROBE) && recording.discovery.pageExchangeId === undefined;
}
