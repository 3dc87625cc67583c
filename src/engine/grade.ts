import type { Finding, Severity } from "../core/index.ts";

/** Points taken off 100 per finding of each severity; informational findings cost nothing. */
export const GRADE_PENALTIES: Record<Severity, number> = {
  info: 0,
  low: 5,
  medium: 15,
  high: 30,
  critical: 50,
};
const BANDS: ReadonlyArray<[min: number, grade: string]> = [
  [95, "A+"],
  [85, "A"],
  [70, "B"],
  [55, "C"],
  [40, "D"],
  [0, "F"],
];

/** A letter grade for the whole scan: 100 minus penalties, with any critical or high capping the grade. */
export function gradeFor(findings: readonly Finding[]): { score: number; grade: string } {
  const score = Math.max(0, 100 - findings.reduce((sum, f) => sum + GRADE_PENALTIES[f.severity], 0));
  let grade = BANDS.find(([min]) => score >= min)?.[1] ?? "F";
  if (findings.some((f) => f.severity === "critical")) grade = "F";
  else if (findings.some((f) => f.severity === "high") && grade < "C") grade = "C";
  return { score, grade };
}
