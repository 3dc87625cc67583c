import { type Finding, severityRank } from "../core/index.ts";

/**
 * How much work a fix usually is, by finding family, to order "fix these first" within a severity. An
 * estimate from what the families' documented fixes ask for, not a measure of anyone's code:
 * - low: one header, cookie attribute, DNS record or server setting;
 * - medium: a policy to get right (a CORS allow-list, TLS configuration), a file or route to remove or
 *   protect, a dependency or CMS to upgrade;
 * - high: a leaked secret to rotate everywhere it is used, or database and storage access rules to write.
 */
export type FixEffort = "low" | "medium" | "high";

const EFFORT_BY_FAMILY: Readonly<Record<string, FixEffort>> = {
  headers: "low",
  cookie: "low",
  dns: "low",
  info: "low",
  cors: "medium",
  tls: "medium",
  exposure: "medium",
  library: "medium",
  cms: "medium",
  secret: "high",
  firebase: "high",
  supabase: "high",
};

const EFFORT_RANK: Readonly<Record<FixEffort, number>> = { low: 0, medium: 1, high: 2 };

export function fixEffort(findingId: string): FixEffort {
  const family = findingId.split(".")[0] ?? "";
  return EFFORT_BY_FAMILY[family] ?? "medium";
}

/** The findings to fix first: most severe first, and within a severity the least work first. */
export function fixFirst<T extends Pick<Finding, "id" | "severity">>(
  findings: readonly T[],
  count: number,
): T[] {
  return [...findings]
    .filter((finding) => finding.severity !== "info")
    .sort(
      (a, b) =>
        severityRank(b.severity) - severityRank(a.severity) ||
        EFFORT_RANK[fixEffort(a.id)] - EFFORT_RANK[fixEffort(b.id)],
    )
    .slice(0, count);
}
