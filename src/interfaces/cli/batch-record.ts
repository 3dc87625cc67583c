import { SEVERITIES, type Severity, severityRank } from "../../core/index.ts";
import type { Report } from "../../engine/index.ts";

/** A finding as a batch keeps it: enough to list, filter and locate it; the full report has the rest. */
export interface BatchFinding {
  id: string;
  title: string;
  severity: Severity;
  cvss: { vector: string; score: number };
  cwe: string;
  url: string;
  /** Every URL the finding covers, at most ten. */
  urls: string[];
  summary: string;
}

/**
 * What a batch records of one site once it is finished, whether it was scanned or failed: one line of the
 * state file, one line of JSONL, one row of CSV. Plain data with no engine types inside, so the web API's
 * batches can store and show the same record.
 */
export interface BatchSiteRecord {
  /** The URL as listed, normalised: the key that makes a site count once. */
  url: string;
  status: "done" | "failed";
  /** A+ to F, "partial" when the scan did not run every check to the end, null when it failed. */
  grade: string | null;
  /** Why no grade, in one sentence, for a partial scan. */
  gradeWithheld?: string;
  counts: Record<Severity, number>;
  highest: Severity | null;
  findings: BatchFinding[];
  /** Why the site could not be scanned, in one sentence, when status is "failed". */
  error?: string;
  requests: number;
  durationMs: number;
  finishedAt: string;
}

function noCounts(): Record<Severity, number> {
  return Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
}

/** The record of a site whose scan ran; an unreachable target is a failed site with the report's sentence. */
export function recordFromReport(url: string, report: Report): BatchSiteRecord {
  if (report.outcome === "unreachable")
    return {
      ...failedRecord(url, report.failure ?? "The target could not be reached.", report.finishedAt),
      requests: report.requests.sent,
      durationMs: report.durationMs,
    };
  return {
    url,
    status: "done",
    grade: report.summary.grade,
    ...(report.summary.gradeWithheld ? { gradeWithheld: report.summary.gradeWithheld } : {}),
    counts: { ...noCounts(), ...report.summary.bySeverity },
    highest: report.summary.highest,
    findings: report.findings.map((finding) => ({
      id: finding.id,
      title: finding.title,
      severity: finding.severity,
      cvss: { vector: finding.cvss.vector, score: finding.cvss.score },
      cwe: finding.cwe,
      url: finding.url,
      urls: finding.urls.slice(0, 10),
      summary: finding.summary,
    })),
    requests: report.requests.sent,
    durationMs: report.durationMs,
    finishedAt: report.finishedAt,
  };
}

/** The record of a site that could not be scanned at all (its scan crashed, its thread was stopped). */
export function failedRecord(
  url: string,
  reason: string,
  finishedAt = new Date().toISOString(),
): BatchSiteRecord {
  return {
    url,
    status: "failed",
    grade: null,
    counts: noCounts(),
    highest: null,
    findings: [],
    error: reason,
    requests: 0,
    durationMs: 0,
    finishedAt,
  };
}

/** Whether a site has a finding at or above the severity (`--fail-on`). */
export function reaches(record: BatchSiteRecord, threshold: Severity): boolean {
  return record.highest !== null && severityRank(record.highest) >= severityRank(threshold);
}

/**
 * Reads a record back from JSON (a state file, a resumed output); undefined when the value is not one of
 * ours, so a hand-edited or foreign line is ignored rather than trusted.
 */
export function asRecord(value: unknown): BatchSiteRecord | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const record = value as Partial<BatchSiteRecord>;
  if (typeof record.url !== "string" || (record.status !== "done" && record.status !== "failed"))
    return undefined;
  if (typeof record.counts !== "object" || record.counts === null || !Array.isArray(record.findings))
    return undefined;
  if (record.highest !== null && !(SEVERITIES as readonly unknown[]).includes(record.highest))
    return undefined;
  return record as BatchSiteRecord;
}
