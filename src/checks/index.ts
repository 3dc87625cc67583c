import type { Check } from "../core/check.ts";
import { corsChecks } from "./cors/index.ts";

/** The registry: every check, sorted by id. Each family folder's index.ts lists its own checks. */
export const CHECKS: readonly Check[] = [...corsChecks].sort((a, b) => a.meta.id.localeCompare(b.meta.id));

export function checkById(id: string): Check | undefined {
  return CHECKS.find((check) => check.meta.id === id);
}
