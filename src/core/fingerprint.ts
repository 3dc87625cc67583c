import { createHash } from "node:crypto";
import type { Finding } from "./finding.ts";

/**
 * A finding's identity across runs: its id and the URL it is about, hashed. Nothing that changes between
 * two scans of an unchanged site (times, exchange numbers, evidence bytes) goes in, so the same finding on
 * the same URL keeps its fingerprint; SARIF's `partialFingerprints` and `amihackable diff` both use it.
 */
export function findingFingerprint(finding: Pick<Finding, "id" | "url">): string {
  return createHash("sha256").update(`${finding.id}\n${finding.url}`).digest("hex");
}
