import { type Command, Option } from "commander";
import type { Severity } from "../../core/index.ts";
import { BATCH_FORMATS, type BatchFormat, SEVERITY_CHOICES } from "./formats.ts";
import { collect, list, positiveInt, withPinOptions } from "./option-parsers.ts";
import { declaredOptions, withProjectFileOptions } from "./declared-options.ts";

/** Scans that share a worker thread by default: a thread costs tens of MB, a waiting scan little. */
export const SCANS_PER_THREAD = 4;

/** What commander gives the batch action. */
export interface BatchCliOptions {
  format: BatchFormat;
  output?: string;
  state?: string;
  resume?: boolean;
  concurrency: number;
  perHost: number;
  threads?: number;
  failOn: Severity;
  only: string[];
  ignore: string[];
  budget: number;
  timeout: number;
  resolve: string[];
  connectTo: string[];
  header: string[];
  cookie: string[];
  quiet?: boolean;
  config?: string;
  ignoreFile?: string;
}

export interface BatchIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
  setExitCode: (code: number) => void;
}

/**
 * Adds `amihackable batch FILE` to the program: the options only; the run (batch-run-command.ts) is
 * imported when the command runs.
 */
export function addBatchCommand(program: Command, io: BatchIo): void {
  withPinOptions(
    withProjectFileOptions(
      program
        .command("batch")
        .description("Scan a list of sites (one URL per line) and write one result per site.")
        .argument(
          "<file>",
          'the list: one URL per line, "#" comments and blank lines allowed; "-" reads stdin',
        ),
    ),
  )
    .addOption(new Option("-f, --format <format>", "output format").choices(BATCH_FORMATS).default("jsonl"))
    .option("-o, --output <file>", "write the results to a file instead of stdout")
    .option(
      "--state <file>",
      "the state file that --resume continues from (default: the output's path + .state)",
    )
    .option("--resume", "continue an interrupted batch: skip the sites its state file holds")
    .option(
      "--concurrency <n>",
      "sites scanned at once (never two on the same host)",
      positiveInt("--concurrency"),
      8,
    )
    .option(
      "--threads <n>",
      `worker threads the scans share (default: one per ${SCANS_PER_THREAD} sites at once)`,
      positiveInt("--threads"),
    )
    .option("--per-host <n>", "requests in flight per host within one scan", positiveInt("--per-host"), 6)
    .addOption(
      new Option("--fail-on <severity>", "exit 1 when a site has a finding at or above this severity")
        .choices(SEVERITY_CHOICES)
        .default("high"),
    )
    .option("--only <ids>", "run only these finding ids or families (comma-separated)", list, [])
    .option("--ignore <ids>", "skip these finding ids or families (comma-separated)", list, [])
    .option("--budget <n>", "most requests to send per site", positiveInt("--budget"), 150)
    .option("--timeout <seconds>", "deadline of each site's scan in seconds", positiveInt("--timeout"), 60)
    .option(
      "-H, --header <header>",
      'extra request header sent to each site, "Name: value" (repeatable)',
      collect,
      [],
    )
    .option("--cookie <cookie>", 'cookie sent to each site, "name=value" (repeatable)', collect, [])
    .option("-q, --quiet", "no progress on stderr")
    .addHelpText(
      "after",
      `
Exit codes:
  0    every site was scanned and none has a finding at or above --fail-on
  1    some site has a finding at or above --fail-on
  2    usage or input error (a malformed line, a missing list, an unwritable output)
  3    no finding reaches --fail-on, but some sites could not be scanned
  130  stopped (Ctrl-C or SIGTERM) before every site finished: run again with --resume

Every finished site is written to the state file (flushed to disk) before it counts, so a batch stopped
in any way, kill -9 included, continues with --resume: no site is scanned twice, and the output is
written again with every finished site before new ones are added.`,
    )
    .action(async (file: string, opts: BatchCliOptions, command: Command) => {
      // Imported when the command runs, so `--version` and `--help` load no scanner.
      const { runBatchCommand } = await import("./batch-run-command.ts");
      // A config's format, output and concurrency are a single scan's: a batch keeps its own.
      const declared = declaredOptions(command, ["format", "output", "concurrency"]);
      io.setExitCode(await runBatchCommand(file, opts, io, declared));
    });
}
