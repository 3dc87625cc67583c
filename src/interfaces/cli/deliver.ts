import { writeFile } from "node:fs/promises";
import { findingFingerprint, plural, severityRank, type Severity } from "../../core/index.ts";
import type { Report } from "../../engine/index.ts";
import { render } from "../../reporters/index.ts";
import { EXIT, type CliIo } from "./exit-codes.ts";
import type { CliFormat } from "./formats.ts";

/** The options of every command that produces a report: where it goes, in what format, when to fail. */
export interface OutputOptions {
  format: CliFormat;
  output?: string;
  failOn: Severity;
  color: boolean;
  /** A JSON report whose findings (by fingerprint) do not count for failOn: `--baseline`. */
  baseline?: string;
}

/** Renders the report where it was asked for and turns it into the exit code CI pipelines read. */
export async function deliver(
  report: Report,
  opts: OutputOptions,
  io: CliIo,
  baseline: ReadonlySet<string> = new Set(),
): Promise<number> {
  if (report.outcome === "unreachable" && opts.format === "text" && !opts.output) {
    // Nothing was scanned, so there is no report to print: the reason is an error, said once on stderr.
    io.stderr.write(`amihackable: ${report.failure ?? "the target could not be reached."}\n`);
    return EXIT.error;
  }
  const toTerminal = !opts.output && opts.format === "text";
  const output = render(report, opts.format, {
    color: toTerminal && opts.color && (io.stdout as NodeJS.WriteStream).isTTY === true,
    failOn: opts.failOn,
  });
  if (opts.output) {
    await writeFile(opts.output, output);
    io.stderr.write(`Report written to ${opts.output}\n`);
  } else {
    io.stdout.write(output);
  }
  if (report.outcome === "unreachable") {
    io.stderr.write(`amihackable: ${report.failure ?? "the target could not be reached."}\n`);
    return EXIT.error;
  }
  const threshold = severityRank(opts.failOn);
  const failing = report.findings.filter((finding) => severityRank(finding.severity) >= threshold);
  const counted = failing.filter((finding) => !baseline.has(findingFingerprint(finding)));
  if (failing.length > counted.length)
    io.stderr.write(
      `${plural(failing.length - counted.length, "finding")} at or above ${opts.failOn} ${failing.length - counted.length === 1 ? "is" : "are"} in the baseline and do${failing.length - counted.length === 1 ? "es" : ""} not count; ${plural(counted.length, "new one")} ${counted.length === 1 ? "does" : "do"}.\n`,
    );
  return counted.length > 0 ? EXIT.findings : EXIT.ok;
}
