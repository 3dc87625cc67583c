import type { Evidence, Finding, Stack } from "../../core/index.ts";
import type { Report } from "../../engine/index.ts";

/** One finding as a coding agent needs it: what, where, the proof, and the one fix that applies here. */
export interface AgentFinding {
  id: string;
  title: string;
  severity: string;
  url: string;
  urls: string[];
  summary: string;
  evidence: Evidence[];
  /** The fix for the first detected stack that has one, else the first fix the check documents. */
  fix?: { stack: Stack; text: string };
  aiPrompt: string;
  learn: string;
}

export function agentFinding(finding: Finding, stacks: readonly Stack[]): AgentFinding {
  const stack =
    stacks.find((candidate) => finding.fixes[candidate]) ??
    (Object.keys(finding.fixes)[0] as Stack | undefined);
  const text = stack ? finding.fixes[stack] : undefined;
  return {
    id: finding.id,
    title: finding.title,
    severity: finding.severity,
    url: finding.url,
    urls: finding.urls,
    summary: finding.summary,
    evidence: onceEach(finding.evidence),
    ...(stack && text ? { fix: { stack, text } } : {}),
    aiPrompt: finding.aiPrompt,
    learn: finding.learn,
  };
}

/** The report an agent reads: the outcome, the grade and the findings, without the probe bookkeeping. */
export function agentReport(report: Report) {
  return {
    target: report.target,
    outcome: report.outcome,
    ...(report.failure ? { failure: report.failure } : {}),
    summary: report.summary,
    detectedStack: report.detectedStack,
    requests: report.requests,
    findings: report.findings.map((finding) => agentFinding(finding, report.detectedStack)),
  };
}

/** The same evidence recorded for several URLs of one finding is shown once: it proves nothing more twice. */
function onceEach(evidence: readonly Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence.filter((item) => {
    // The exchange number differs between two requests that showed the same thing; the rest is the proof.
    const { exchangeId: _exchange, ...proof } = item;
    const key = JSON.stringify(proof);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
