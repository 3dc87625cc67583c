import type { Finding } from "../core/finding.ts";
import type { ScanIssue } from "../core/scan-issue.ts";
import type { Severity } from "../core/severity.ts";
import type { Stack } from "../core/stack.ts";

export const REPORT_SCHEMA_VERSION = "1.0.0";

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
    grade: string;
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
}
