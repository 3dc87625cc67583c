import { writeFile } from "node:fs/promises";
import { findingFingerprint, plural, severityRank, type Severity } from "../../core/index.ts";
import { applyIgnoreRules, type IgnoreRule, type Report } from "../../engine/index.ts";
import { render } from "../../reporters/index.ts";
import { EXIT, type CliIo } from "./exit-codes.ts";
import { expiredWarning } from "./project-options.ts";
import type { CliFormat } from "./formats.ts";

/** The options of every command that produces a report: where it goes, in what format, when to fail. */
export interface OutputOptions {
  format: CliFormat;
  output?: string;
  failOn: Severity;
  color: boolean;
  /** A JSON report whose findings (by fingerprint) do not count for failOn: `--baseline`. */
  baseline?: string;
  /** `--config FILE`: the project's options, instead of the config file found in the folder. */
  config?: string;
  /** `--ignore-file FILE`: findings accepted for a reason, instead of `.amihackableignore`. */
  ignoreFile?: string;
}

/** What the project said about findings it already knows: an earlier report, and accepted ones. */
export interface KnownFindings {
  /** The fingerprints of the `--baseline` report's findings. */
  baseline?: ReadonlySet<string>;
  /** The config's and the ignore file's entries. */
  ignore?: readonly IgnoreRule[];
  /** The clock that decides whether an ignore entry has expired (tests fix it). */
  now?: Date;
}

/** Renders the report where it was asked for and turns it into the exit code CI pipelines read. */
export async function deliver(
  judged: Report,
  opts: OutputOptions,
  io: CliIo,
  known: KnownFindings = {},
): Promise<number> {
  const baseline = known.baseline;
  const { report, expired } = applyIgnoreRules(judged, known.ignore ?? [], known.now ?? new Date());
  for (const rule of expired) io.stderr.write(expiredWarning(rule));
  const suppressed = report.suppressed?.length ?? 0;
  if (suppressed > 0)
    io.stderr.write(
      `${plural(suppressed, "finding")} accepted by ignore entries ${suppressed === 1 ? "is" : "are"} left out of the count; the report lists ${suppressed === 1 ? "it" : "them"} with the reason.\n`,
    );
  if (report.outcome === "unreachable" && opts.format === "text" && !opts.output) {
    // Nothing was scanned, so there is no report to print: the reason is an error, said once on stderr.
    io.stderr.write(`amihackable: ${report.failure ?? "the target could not be reached."}\n`);
    return EXIT.error;
  }
  const toTerminal = !opts.output && opts.format === "text";
  const output = render(report, opts.format, {
    color: toTerminal && opts.color && (io.stdout as NodeJS.WriteStream).isTTY === true,
    failOn: opts.failOn,
    ...(baseline ? { baseline } : {}),
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
  const counted = failing.filter((finding) => !baseline?.has(findingFingerprint(finding)));
  if (failing.length > counted.length)
    io.stderr.write(
      `${plural(failing.length - counted.length, "finding")} at or above ${opts.failOn} ${failing.length - counted.length === 1 ? "is" : "are"} in the baseline and do${failing.length - counted.length === 1 ? "es" : ""} not count; ${plural(counted.length, "new one")} ${counted.length === 1 ? "does" : "do"}.\n`,
    );
  return counted.length > 0 ? EXIT.findings : EXIT.ok;
}
