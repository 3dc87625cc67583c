import type { Report } from "../../engine/index.ts";
import { diffReports, type ReportDiff } from "../../reporters/index.ts";

/** What two reports of one URL say about each other, counting only what both could have seen. */
export interface ComparedReports {
  /** The checks both scans ran to the end, sorted: only their findings are compared. */
  checks: string[];
  /** True when neither scan ran a check the other did not: nothing was left out of the comparison. */
  sameChecks: boolean;
  diff: ReportDiff;
}

/**
 * A report whose silence means something: the scan reached the site and ran every probe it planned
 * within its budget and deadline. A partial scan may lack a finding only because it never asked, which
 * would read as "fixed"; an unreachable one has no findings at all.
 */
export function canCompare(report: Report): boolean {
  return report.outcome === "complete";
}

/**
 * The checks a report vouches for: those it ran, less those that threw (a check error is a bug of ours,
 * named in the issues as "<check id>: <message>"; its silence says nothing about the site).
 */
function vouchedChecks(report: Report): Set<string> {
  const failed = new Set(
    report.issues
      .filter((issue) => issue.kind === "check-error")
      .map((issue) => issue.message.slice(0, Math.max(0, issue.message.indexOf(": ")))),
  );
  return new Set(report.probed.checks.filter((check) => !failed.has(check)));
}

/**
 * The change from `before` to `after` over the checks both ran: a finding of a check the older scan did
 * not run is not new, one of a check the newer did not run is not fixed. Undefined when the two cannot
 * be compared fairly (either scan partial or unreachable, or no check in common, as after two scans
 * limited to different checks).
 */
export function compareReports(before: Report, after: Report): ComparedReports | undefined {
  if (!canCompare(before) || !canCompare(after)) return undefined;
  const older = vouchedChecks(before);
  const newer = vouchedChecks(after);
  const common = new Set([...newer].filter((check) => older.has(check)));
  if (common.size === 0) return undefined;
  const compared = (report: Report) => report.findings.filter((finding) => common.has(finding.id));
  return {
    checks: [...common].sort(),
    sameChecks: common.size === older.size && common.size === newer.size,
    diff: diffReports(compared(before), compared(after)),
  };
}
