import { severityRank, type Severity } from "../../core/index.ts";
import { diffReports, renderDiff, type DiffFormat } from "../../reporters/index.ts";
import { EXIT, failWith, type CliIo } from "./exit-codes.ts";
import { findingsOf } from "./report-file.ts";

export interface DiffCliOptions {
  format: DiffFormat;
  failOn: Severity;
}

/**
 * `amihackable diff OLD.json NEW.json`: new, fixed and unchanged findings between two reports of a site,
 * matched by fingerprint (finding id and URL). Exits 1 when a new finding reaches --fail-on, so a pipeline
 * can fail on what a change brought rather than on what was already there.
 */
export async function runDiff(
  oldPath: string,
  newPath: string,
  opts: DiffCliOptions,
  io: CliIo,
): Promise<number> {
  const fail = failWith(io);
  const before = await findingsOf(oldPath);
  if (typeof before === "string") return fail(before);
  const after = await findingsOf(newPath);
  if (typeof after === "string") return fail(after);
  const diff = diffReports(before, after);
  io.stdout.write(renderDiff(diff, opts.format));
  const threshold = severityRank(opts.failOn);
  return diff.added.some((entry) => severityRank(entry.severity) >= threshold) ? EXIT.findings : EXIT.ok;
}
