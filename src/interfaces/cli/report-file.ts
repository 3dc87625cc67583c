import { readInputFile } from "./input-file.ts";
import { findingFingerprint, isSeverity } from "../../core/index.ts";
import type { DiffableFinding } from "../../reporters/index.ts";

/** A JSON report is at most this big: a larger file is not one of ours. */
const MAX_REPORT_BYTES = 64 * 1024 * 1024;

/** The findings of a saved JSON report (`scan --format json`), or why the file is not one. */
export async function findingsOf(path: string): Promise<DiffableFinding[] | string> {
  const read = await readInputFile(path, MAX_REPORT_BYTES, `${path} is larger than any report`);
  if (typeof read === "string") return read;
  const { text } = read;
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
 * The fingerprints of a `--baseline` report's findings, read before anything is scanned; a string says in
 * one sentence why the file cannot serve.
 */
export async function loadBaseline(
  path: string | undefined,
): Promise<ReadonlySet<string> | undefined | string> {
  // No baseline is not an empty one: against an empty baseline every finding would be marked new.
  if (path === undefined) return undefined;
  const findings = await findingsOf(path);
  if (typeof findings === "string") return `--baseline: ${findings}`;
  return new Set(findings.map((finding) => findingFingerprint(finding)));
}
