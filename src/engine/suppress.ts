import { findingFingerprint, type Finding, SEVERITIES, type Severity } from "../core/index.ts";
import type { Report } from "./report.ts";

/**
 * One entry of `.amihackableignore` (or the config's `ignore`): a finding someone looked at and accepted,
 * with the reason they wrote down. It names the finding by fingerprint, or by id with an optional URL
 * pattern, and may stop applying after an expiry date so an accepted risk is looked at again.
 */
export interface IgnoreRule {
  fingerprint?: string;
  id?: string;
  /** A URL the finding must be about; `*` stands for any run of characters. */
  url?: string;
  reason: string;
  /** YYYY-MM-DD: the rule applies up to and including this day (UTC), then stops. */
  expires?: string;
  /** Where the rule was read from, for messages: a file name. */
  source?: string;
}

/** A finding an ignore rule took out of the report, and why. */
export interface SuppressedFinding {
  id: string;
  url: string;
  fingerprint: string;
  severity: Severity;
  title: string;
  reason: string;
  expires?: string;
}

/** The report without the suppressed findings, and the rules that no longer apply because they expired. */
export interface Suppression {
  report: Report;
  expired: IgnoreRule[];
}

/**
 * Moves the findings the rules match from `findings` to `suppressed` and recounts the summary. The grade
 * is left as judged: it says how the site stands, not what its owners accepted. `now` is passed in so an
 * expiry is decided by the caller's clock (tests fix it).
 */
export function applyIgnoreRules(report: Report, rules: readonly IgnoreRule[], now: Date): Suppression {
  const expired = expiredRules(rules, now);
  const live = rules.filter((rule) => !expired.includes(rule));
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [...(report.suppressed ?? [])];
  for (const finding of report.findings) {
    const fingerprint = findingFingerprint(finding);
    const rule = live.find((candidate) => matches(candidate, finding, fingerprint));
    if (!rule) {
      kept.push(finding);
      continue;
    }
    suppressed.push({
      id: finding.id,
      url: finding.url,
      fingerprint,
      severity: finding.severity,
      title: finding.title,
      reason: rule.reason,
      ...(rule.expires ? { expires: rule.expires } : {}),
    });
  }
  if (rules.length === 0) return { report, expired };
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const finding of kept) bySeverity[finding.severity]++;
  const highest = [...SEVERITIES].reverse().find((s) => bySeverity[s] > 0) ?? null;
  return {
    report: {
      ...report,
      summary: { ...report.summary, total: kept.length, bySeverity, highest },
      findings: kept,
      suppressed,
    },
    expired,
  };
}

/** The rules whose expiry day (UTC) has passed by `now`: they no longer apply. */
export function expiredRules(rules: readonly IgnoreRule[], now: Date): IgnoreRule[] {
  const today = now.toISOString().slice(0, 10);
  return rules.filter((rule) => rule.expires !== undefined && rule.expires < today);
}

function matches(rule: IgnoreRule, finding: Finding, fingerprint: string): boolean {
  if (rule.fingerprint !== undefined && rule.fingerprint !== fingerprint) return false;
  if (rule.id !== undefined && rule.id !== finding.id) return false;
  if (rule.url !== undefined && !urlPattern(rule.url).test(finding.url)) return false;
  return rule.fingerprint !== undefined || rule.id !== undefined;
}

/** `https://example.com/*` as a whole-string pattern: everything but `*` is literal. */
function urlPattern(pattern: string): RegExp {
  const literal = pattern.split("*").map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${literal.join(".*")}$`);
}
