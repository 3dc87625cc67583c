import type { Severity } from "../core/severity.ts";

/**
 * The headers grade: what the response headers of the site's pages (and the cookies they set) are worth,
 * in the spirit of the MDN HTTP Observatory but kept small enough to read in one screen. Start at 100;
 * every finding id below costs its points once (however many pages or cookies it covers); findings at
 * severity info cost nothing. The letter is read off the bands.
 *
 * Why these costs: a missing or bypassable CSP and missing HSTS or framing protection each leave a whole
 * class of attack open (XSS, SSL stripping, clickjacking), so they cost most; weaknesses inside an
 * otherwise working CSP cost less; hygiene headers cost little.
 */
export const HEADERS_GRADE_COSTS: Readonly<Record<string, number>> = {
  "headers.csp-missing": 25,
  "headers.csp-unsafe-inline": 20,
  "headers.csp-wildcard-source": 20,
  "headers.csp-unsafe-eval": 10,
  "headers.csp-missing-object-src": 5,
  "headers.csp-missing-base-uri": 5,
  "headers.hsts-missing": 20,
  "headers.hsts-short-max-age": 10,
  "headers.clickjacking": 20,
  "headers.x-content-type-options-missing": 5,
  "headers.referrer-policy-unsafe": 5,
  "headers.permissions-policy-missing": 0,
  "headers.coop-missing": 0,
  "cookie.missing-secure": 20,
  "cookie.missing-httponly": 15,
  "cookie.missing-samesite": 10,
  "cookie.samesite-none-insecure": 5,
  "cookie.invalid-prefix": 5,
};

/** Lowest score for each letter, best first. */
export const HEADERS_GRADE_BANDS: ReadonlyArray<readonly [minimum: number, grade: string]> = [
  [100, "A+"],
  [90, "A"],
  [75, "B"],
  [60, "C"],
  [40, "D"],
  [0, "F"],
];

export interface HeadersGradeLine {
  id: string;
  cost: number;
}

export interface HeadersGrade {
  grade: string;
  score: number;
  /** One line per finding id that cost something, costliest first: the whole explanation of the score. */
  lines: HeadersGradeLine[];
}

/** Grades findings (any family; ids outside the table are ignored). Pure: the same findings, the same grade. */
export function headersGrade(findings: ReadonlyArray<{ id: string; severity: Severity }>): HeadersGrade {
  const costs = new Map<string, number>();
  for (const finding of findings) {
    const cost = HEADERS_GRADE_COSTS[finding.id];
    if (cost === undefined || cost === 0 || finding.severity === "info") continue;
    costs.set(finding.id, cost);
  }
  const lines = [...costs]
    .map(([id, cost]) => ({ id, cost }))
    .sort((a, b) => b.cost - a.cost || a.id.localeCompare(b.id));
  const score = Math.max(0, 100 - lines.reduce((sum, line) => sum + line.cost, 0));
  const grade = HEADERS_GRADE_BANDS.find(([minimum]) => score >= minimum)?.[1] ?? "F";
  return { grade, score, lines };
}
