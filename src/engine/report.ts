import {
  type Finding,
  type Recording,
  SEVERITIES,
  type ScanIssue,
  type Severity,
  type Stack,
} from "../core/index.ts";
import { MAX_HEADER_LINES } from "../http/index.ts";
import { VERSION } from "../version.ts";
import { unreachableSentence } from "./failure.ts";
import type { GatheringFacts } from "./gather.ts";
import { gradeFor, gradeWithheld } from "./grade.ts";
import type { Judged } from "./judge.ts";
import type { ScanRequest } from "./request.ts";
import type { SuppressedFinding } from "./suppress.ts";

export const REPORT_SCHEMA_VERSION = "1.2.0";

export type ScanOutcome = "complete" | "partial" | "unreachable";

export interface Report {
  schemaVersion: string;
  scanner: { name: "amihackable"; version: string };
  target: { input: string; url: string; finalUrl?: string };
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  outcome: ScanOutcome;
  /** Why the target could not be scanned, in one sentence, when outcome is "unreachable". */
  failure?: string;
  summary: {
    total: number;
    bySeverity: Record<Severity, number>;
    highest: Severity | null;
    /** A+ to F for a complete scan of every default check; "partial" otherwise; "?" when unreachable. */
    grade: string;
    /** Why a scan that was reached got no grade: what did not run, or what cut it short. */
    gradeWithheld?: string;
  };
  detectedStack: Stack[];
  findings: Finding[];
  probed: {
    probes: string[];
    checks: string[];
    urls: string[];
  };
  requests: { sent: number; budget: number; failed: number };
  issues: ScanIssue[];
  /** Findings an ignore rule took out, with the reason: present only when ignore rules were given. */
  suppressed?: SuppressedFinding[];
}

/** Everything a report is made of; the report is a pure function of these, so a recorded scan replays. */
export interface ReportInputs {
  request: ScanRequest;
  /** The ids of the checks that judged. */
  checks: readonly string[];
  /** The ids of the default checks: a grade is given only when all of them ran to the end. */
  defaultChecks: readonly string[];
  recording: Recording;
  facts: GatheringFacts;
  judged: Judged;
  /** When the report was finished (the live scan's clock; a replay passes the recorded end). */
  finishedAt: string;
  durationMs: number;
}

/** Builds the report: outcome, summary and grade, what was probed, and every issue the scan ran into. */
export function assembleReport(inputs: ReportInputs): Report {
  const { request, recording, facts, judged } = inputs;
  const { target } = request;
  const issues: ScanIssue[] = [...facts.issues];
  for (const error of judged.errors)
    issues.push({ kind: "check-error", message: `${error.id}: ${error.message}` });
  if (judged.cut.length > 0)
    issues.push({
      kind: "deadline",
      message: `the scan deadline passed while judging: ${judged.cut.length} check${judged.cut.length === 1 ? "" : "s"} did not run (${judged.cut.slice(0, 12).join(", ")}${judged.cut.length > 12 ? ", …" : ""})`,
    });
  const unreachable = judged.unreachable;
  if (facts.budgetExhausted)
    issues.push({
      kind: "budget",
      message: `the request budget of ${facts.budget} was used up; some probes were skipped`,
    });
  if (facts.responsesWithHeadersDropped > 0)
    issues.push({
      kind: "limit",
      message: `${facts.responsesWithHeadersDropped} response${facts.responsesWithHeadersDropped === 1 ? "" : "s"} carried more than ${MAX_HEADER_LINES} headers; only the first ${MAX_HEADER_LINES} were kept`,
    });
  if (facts.bodyAllowanceExhausted)
    issues.push({
      kind: "limit",
      message: `responses filled the ${Math.round(facts.maxTotalBodyBytes / 1048576)} MiB the scan keeps; later bodies were cut short`,
    });
  if (facts.cut && !facts.cancelled)
    issues.push({
      kind: "deadline",
      message: `the scan deadline of ${Math.round(facts.timeoutMs / 1000)} s passed; results are partial`,
    });
  if (facts.cancelled)
    issues.push({ kind: "deadline", message: "the scan was cancelled; results are partial" });
  const failed = recording.exchanges.filter(
    (exchange) => exchange.error && exchange.error.code !== "budget" && exchange.error.code !== "deadline",
  );
  if (failed.length > 0 && !unreachable) {
    issues.push({
      kind: "request-failed",
      message: `${failed.length} request${failed.length === 1 ? "" : "s"} failed (${summariseErrors(failed.map((e) => e.error!.code))})`,
    });
  }

  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const finding of judged.findings) bySeverity[finding.severity]++;
  const highest = [...SEVERITIES].reverse().find((s) => bySeverity[s] > 0) ?? null;
  const finalUrl = recording.discovery.finalUrl;
  const withheld = gradeWithheld(inputs.checks, inputs.defaultChecks, issues);
  const report: Report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    scanner: { name: "amihackable", version: VERSION },
    target: { input: target.input, url: target.url, ...(finalUrl ? { finalUrl } : {}) },
    startedAt: facts.startedAt,
    finishedAt: inputs.finishedAt,
    durationMs: inputs.durationMs,
    outcome: unreachable
      ? "unreachable"
      : issues.some((i) => i.kind === "budget" || i.kind === "deadline" || i.kind === "probe-error")
        ? "partial"
        : "complete",
    summary: {
      total: judged.findings.length,
      bySeverity,
      highest,
      grade: unreachable ? "?" : withheld ? "partial" : gradeFor(judged.findings).grade,
      ...(withheld && !unreachable ? { gradeWithheld: withheld } : {}),
    },
    detectedStack: judged.stacks,
    findings: judged.findings,
    probed: {
      probes: facts.probesRun,
      checks: [...inputs.checks],
      urls: [
        ...new Set(recording.exchanges.filter((e) => e.error?.code !== "budget").map((e) => e.request.url)),
      ].slice(0, 500),
    },
    requests: { sent: facts.requestsSent, budget: facts.budget, failed: failed.length },
    issues,
  };
  if (unreachable) {
    const failedId = recording.discovery.failedPageExchangeId;
    const attempt =
      recording.exchanges.find((exchange) => exchange.id === failedId) ?? recording.exchanges.at(-1);
    report.failure = attempt ? unreachableSentence(attempt) : "The target could not be fetched.";
    issues.unshift({ kind: "unreachable", message: report.failure, url: target.url });
  }
  return report;
}

function summariseErrors(codes: string[]): string {
  const counts = new Map<string, number>();
  for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  return [...counts].map(([code, count]) => `${count} ${code}`).join(", ");
}
