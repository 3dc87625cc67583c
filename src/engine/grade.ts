import type { Finding, ScanIssue, Severity } from "../core/index.ts";

/** Points taken off 100 per finding of each severity; informational findings cost nothing. */
export const GRADE_PENALTIES: Record<Severity, number> = {
  info: 0,
  low: 5,
  medium: 15,
  high: 30,
  critical: 50,
};

/**
 * The grades a scan can get, by its most serious finding: the better letter while the points left
 * (100 minus penalties) reach `keep`, the worse one below. The ranges only touch, never cross, so a scan
 * whose worst finding is medium never grades below one with a high finding, however many mediums it has.
 */
const BY_WORST: Record<Severity | "none", { better: string; keep: number; worse: string }> = {
  none: { better: "A+", keep: 0, worse: "A+" },
  info: { better: "A+", keep: 0, worse: "A+" },
  low: { better: "A", keep: 85, worse: "B" },
  medium: { better: "B", keep: 70, worse: "C" },
  high: { better: "C", keep: 55, worse: "D" },
  critical: { better: "F", keep: 0, worse: "F" },
};

const ORDER: readonly Severity[] = ["info", "low", "medium", "high", "critical"];

/**
 * The letter for a complete scan. Monotonic by construction: taking a finding away can lower the worst
 * severity (a better range) or leave it and give points back (the better letter of the same range), never
 * a worse letter. learn/grading.md explains the rule to users.
 */
export function gradeFor(findings: readonly Finding[]): { score: number; grade: string } {
  const score = Math.max(0, 100 - findings.reduce((sum, f) => sum + GRADE_PENALTIES[f.severity], 0));
  const worst = ORDER.filter((severity) => findings.some((f) => f.severity === severity)).at(-1) ?? "none";
  const band = BY_WORST[worst];
  return { score, grade: score >= band.keep ? band.better : band.worse };
}

/** The grades from best to worst, for comparisons. */
export const GRADES = ["A+", "A", "B", "C", "D", "F"] as const;

/** Issues that mean some check did not run to the end. */
const CUT: Partial<Record<ScanIssue["kind"], string>> = {
  budget: "the request budget ran out",
  deadline: "the scan deadline passed",
  "probe-error": "a probe failed",
  "check-error": "a check failed",
};

/**
 * Why a scan gets no grade, or undefined when it earned one: a grade is given only to a scan that ran
 * every default check to the end, so a scan limited to CORS cannot award A+ to a site serving its .env.
 */
export function gradeWithheld(
  ran: readonly string[],
  defaults: readonly string[],
  issues: readonly ScanIssue[],
): string | undefined {
  const reasons: string[] = [];
  const missing = defaults.filter((id) => !ran.includes(id));
  if (missing.length > 0) {
    const byFamily = new Map<string, number>();
    for (const id of missing) byFamily.set(familyOf(id), (byFamily.get(familyOf(id)) ?? 0) + 1);
    const parts = [...byFamily].map(([family, count]) => {
      const all = defaults.filter((id) => familyOf(id) === family).length;
      return count === all ? `all of ${family}` : `${count} of ${family}`;
    });
    reasons.push(
      `${missing.length} of the ${defaults.length} default checks did not run (${parts.join(", ")})`,
    );
  }
  const cut = [...new Set(issues.flatMap((issue) => CUT[issue.kind] ?? []))];
  if (cut.length > 0) reasons.push(`the scan was cut short: ${cut.join(", ")}`);
  return reasons.length > 0 ? `Partial scan, no grade: ${reasons.join("; ")}.` : undefined;
}

function familyOf(id: string): string {
  return id.split(".")[0] ?? id;
}
