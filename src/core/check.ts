import type { CheckInput } from "./artifact.ts";
import type { CheckMeta, FindingDraft } from "./finding.ts";

/**
 * A check judges artifacts and returns the instances it finds. It is a pure function: no I/O, no clock,
 * no randomness, so it is tested with recorded artifacts and cannot send a request.
 */
export interface Check {
  meta: CheckMeta;
  analyse(artifacts: CheckInput): FindingDraft[];
}
