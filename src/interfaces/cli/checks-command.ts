import { CHECKS } from "../../checks/index.ts";
import { scoreCvss } from "../../core/index.ts";
import type { CliIo } from "./exit-codes.ts";

/**
 * `amihackable checks`: one line per check, tab-separated (id, severity, title) so it pipes into cut and
 * grep. The severity is the one the check's CVSS vector gives; a finding may be rated higher or lower
 * when its evidence says so (a secret's key with its secret beside it).
 */
export function listChecks(io: Pick<CliIo, "stdout">): void {
  for (const check of CHECKS) {
    const { severity } = scoreCvss(check.meta.cvss);
    io.stdout.write(`${check.meta.id}\t${severity}\t${check.meta.title}\n`);
  }
}
