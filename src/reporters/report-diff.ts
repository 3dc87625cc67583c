import { findingFingerprint, type Severity, severityRank } from "../core/index.ts";

/** The part of a saved JSON report a diff reads: each finding's id, URL, severity and title. */
export interface DiffableFinding {
  id: string;
  url: string;
  severity: Severity;
  title: string;
  summary: string;
}

export interface DiffEntry extends DiffableFinding {
  fingerprint: string;
}

/** What changed between two reports of a site, by finding fingerprint (id and URL). */
export interface ReportDiff {
  added: DiffEntry[];
  fixed: DiffEntry[];
  unchanged: DiffEntry[];
}

function entries(findings: readonly DiffableFinding[]): Map<string, DiffEntry> {
  const byFingerprint = new Map<string, DiffEntry>();
  for (const finding of findings) {
    const fingerprint = findingFingerprint(finding);
    if (!byFingerprint.has(fingerprint))
      byFingerprint.set(fingerprint, {
        id: finding.id,
        url: finding.url,
        severity: finding.severity,
        title: finding.title,
        summary: finding.summary,
        fingerprint,
      });
  }
  return byFingerprint;
}

/** Most severe first, then by id and URL, so the same two reports always give the same listing. */
function ordered(list: DiffEntry[]): DiffEntry[] {
  return list.sort(
    (a, b) =>
      severityRank(b.severity) - severityRank(a.severity) ||
      a.id.localeCompare(b.id) ||
      a.url.localeCompare(b.url),
  );
}

export function diffReports(
  before: readonly DiffableFinding[],
  after: readonly DiffableFinding[],
): ReportDiff {
  const old = entries(before);
  const now = entries(after);
  return {
    added: ordered([...now.values()].filter((entry) => !old.has(entry.fingerprint))),
    fixed: ordered([...old.values()].filter((entry) => !now.has(entry.fingerprint))),
    unchanged: ordered([...now.values()].filter((entry) => old.has(entry.fingerprint))),
  };
}
