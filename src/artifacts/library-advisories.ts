import { compareVersions, inRange } from "./library-version.ts";
import { type RetireVulnerability, retireRepository, vulnerabilitiesOf } from "./retire-repository.ts";

export type AdvisorySeverity = "low" | "medium" | "high" | "critical";

export interface LibraryAdvisory {
  /** CVE ids, then the GitHub advisory id; empty when the data names neither (then `summary` says what). */
  ids: string[];
  summary: string;
  severity: AdvisorySeverity;
  /** The first reference link the data gives. */
  link?: string;
}

export interface LibraryAssessment {
  advisories: LibraryAdvisory[];
  /** The highest severity among them. */
  severity: AdvisorySeverity;
  /** The lowest version the data knows no vulnerability in; undefined when no release clears them all. */
  fixedIn?: string;
}

const SEVERITY_ORDER: readonly AdvisorySeverity[] = ["low", "medium", "high", "critical"];

/**
 * The data also lists "end of life" as a pseudo-vulnerability (no CVE, no advisory): that is what
 * library.end-of-life reports, with its own sources, so it is not a known vulnerability here.
 */
function isEndOfLifeNotice(vulnerability: RetireVulnerability): boolean {
  const ids = vulnerability.identifiers ?? {};
  return (
    (ids.CVE ?? []).length === 0 &&
    ids.githubID === undefined &&
    /end[- ]of[- ]life|no longer (?:maintained|receiving)/i.test(ids.summary ?? "")
  );
}

/** `1.999`, `999.999.999`: the data's way to say "every later version too", not a release one can install. */
function isSentinel(version: string): boolean {
  return version.split(/[.-]/).some((part) => /^9{3,}$/.test(part));
}

/** The known vulnerabilities of this version of the library, or undefined when the data knows none. */
export function assessLibrary(library: string, version: string): LibraryAssessment | undefined {
  const affecting = vulnerabilitiesOf(library, version).filter(
    (vulnerability) => !isEndOfLifeNotice(vulnerability),
  );
  if (affecting.length === 0) return undefined;
  const advisories = affecting.map(toAdvisory);
  const severity = advisories
    .map((advisory) => advisory.severity)
    .reduce(
      (worst, next) => (SEVERITY_ORDER.indexOf(next) > SEVERITY_ORDER.indexOf(worst) ? next : worst),
      "low",
    );
  const fixedIn = lowestClearVersion(library, version);
  return { advisories, severity, ...(fixedIn !== undefined ? { fixedIn } : {}) };
}

/**
 * Upgrading means landing on a version no vulnerability of the data touches (end-of-life notices
 * included: a line that gets no more fixes is no place to land). Candidates are the `below` bounds above
 * the version, release versions only, tried from the lowest.
 */
function lowestClearVersion(library: string, version: string): string | undefined {
  const all = retireRepository().vulnerabilities(library);
  const candidates = [
    ...new Set(all.map((vulnerability) => vulnerability.below).filter((below) => below !== undefined)),
  ]
    .filter(
      (below) => compareVersions(below, version) > 0 && /^\d+(?:\.\d+)*$/.test(below) && !isSentinel(below),
    )
    .sort(compareVersions);
  return candidates.find((candidate) => !all.some((vulnerability) => inRange(candidate, vulnerability)));
}

function toAdvisory(vulnerability: RetireVulnerability): LibraryAdvisory {
  const identifiers = vulnerability.identifiers ?? {};
  const ids = [
    ...(identifiers.CVE ?? []),
    ...(identifiers.githubID !== undefined ? [identifiers.githubID] : []),
  ];
  const severity = SEVERITY_ORDER.includes(vulnerability.severity as AdvisorySeverity)
    ? (vulnerability.severity as AdvisorySeverity)
    : "medium";
  const link = vulnerability.info?.find((url) => /^https:\/\//.test(url));
  return {
    ids: [...new Set(ids.filter((id) => /^(?:CVE-\d{4}-\d{4,}|GHSA(?:-[a-z0-9]{4}){3})$/i.test(id)))],
    summary: (identifiers.summary ?? "").replace(/\s+/g, " ").slice(0, 200),
    severity,
    ...(link !== undefined ? { link } : {}),
  };
}
