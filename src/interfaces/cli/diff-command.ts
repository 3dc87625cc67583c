import { readFile } from "node:fs/promises";
import { isSeverity, severityRank, type Severity } from "../../core/index.ts";
import { diffReports, renderDiff, type DiffableFinding, type DiffFormat } from "../../reporters/index.ts";
import { EXIT, failWith, type CliIo } from "./exit-codes.ts";

export interface DiffCliOptions {
  format: DiffFormat;
  failOn: Severity;
}

/** A JSON report is at most this big: a larger file is not one of ours. */
const MAX_REPORT_BYTES = 64 * 1024 * 1024;

/** The findings of a saved JSON report (`scan --format json`), or why the file is not one. */
async function findingsOf(path: string): Promise<DiffableFinding[] | string> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT"
      ? `there is no file at ${path}`
      : `cannot read ${path}: ${(error as Error).message}`;
  }
  if (text.length > MAX_REPORT_BYTES) return `${path} is larger than any report`;
  let report: unknown;
  try {
    report = JSON.parse(text);
  } catch {
    return `${path} is not JSON: write reports with "scan --format json --output FILE"`;
  }
  const findings = (report as { findings?: unknown }).findings;
  if (!Array.isArray(findings)) return `${path} is not an amihackable JSON report (it has no findings list)`;
  const usable = findings.every(
    (finding: Partial<Record<keyof DiffableFinding, unknown>>) =>
      typeof finding.id === "string" &&
      typeof finding.url === "string" &&
      typeof finding.title === "string" &&
      typeof finding.summary === "string" &&
      typeof finding.severity === "string" &&
      isSeverity(finding.severity),
  );
  return usable
    ? (findings as DiffableFinding[])
    : `${path} has findings without an id, URL, title or severity`;
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
