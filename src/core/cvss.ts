import cvssCalculator from "ae-cvss-calculator";
import { severityFromScore, type Severity } from "./severity.ts";

const { Cvss3P1 } = cvssCalculator;

/** The calculator accepts partial vectors silently, so the shape is checked first: all eight base metrics. */
const BASE_VECTOR = /^CVSS:3\.1\/AV:[NALP]\/AC:[LH]\/PR:[NLH]\/UI:[NR]\/S:[UC]\/C:[NLH]\/I:[NLH]\/A:[NLH]$/;

/**
 * Informational: a fact worth knowing that opens nothing by itself. Every impact is None, so the score
 * is 0.0 and the severity "info" whatever the other metrics say; one vector for every check that needs it.
 */
export const CVSS_INFORMATIONAL = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N";

export interface CvssScore {
  vector: string;
  score: number;
  severity: Severity;
}

const cache = new Map<string, CvssScore>();

/** Scores a CVSS 3.1 base vector; throws on a malformed vector (a programming error in a check's meta). */
export function scoreCvss(vector: string): CvssScore {
  const cached = cache.get(vector);
  if (cached) return cached;
  if (!BASE_VECTOR.test(vector)) throw new Error(`not a complete CVSS 3.1 base vector: ${vector}`);
  const base = new Cvss3P1(vector).calculateScores().base;
  if (typeof base !== "number" || Number.isNaN(base))
    throw new Error(`CVSS calculator gave no score for ${vector}`);
  const result = { vector, score: base, severity: severityFromScore(base) };
  cache.set(vector, result);
  return result;
}
