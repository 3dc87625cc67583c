import { writeFile } from "node:fs/promises";
import { severityRank, type Severity } from "../../core/index.ts";
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
}

/** Renders the report where it was asked for and turns it into the exit code CI pipelines read. */
export async function deliver(report: Report, opts: OutputOptions, io: CliIo): Promise<number> {
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
  return report.findings.some((finding) => severityRank(finding.severity) >= threshold)
    ? EXIT.findings
    : EXIT.ok;
}
