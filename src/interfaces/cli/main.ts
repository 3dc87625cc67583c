#!/usr/bin/env node
import { Command, Option } from "commander";
import { VERSION } from "../../version.ts";
import { EXIT, type CliIo } from "./exit-codes.ts";
import { CLI_FORMATS, DIFF_FORMAT_CHOICES, SEVERITY_CHOICES } from "./formats.ts";
import type { DiffCliOptions } from "./diff-command.ts";
import type { OutputOptions } from "./deliver.ts";
import type { ScanCliOptions } from "./scan-command.ts";
import { collect, list, positiveInt, withPinOptions } from "./option-parsers.ts";
import { addBatchCommand } from "./batch-command.ts";
import { addWorkerCommand } from "./worker-command.ts";
import { addMcpCommand } from "./mcp-command.ts";
import { declaredOptions, withProjectFileOptions } from "./declared-options.ts";

/*
 * Building the command line loads commander and nothing of the scanner: each command imports what it runs
 * when it runs, so `--version` and `--help` start in a few tens of milliseconds.
 */
export { EXIT } from "./exit-codes.ts";

/** The options of every command that produces a report: where it goes, in what format, when to fail. */
function withReportOptions(command: Command): Command {
  return withProjectFileOptions(command)
    .addOption(new Option("-f, --format <format>", "output format").choices(CLI_FORMATS).default("text"))
    .option("-o, --output <file>", "write the report to a file instead of stdout")
    .addOption(
      new Option("--fail-on <severity>", "exit 1 when a finding is at or above this severity")
        .choices(SEVERITY_CHOICES)
        .default("high"),
    )
    .option(
      "--baseline <report.json>",
      "a JSON report of an earlier scan: its findings (same id and URL) do not count for --fail-on",
    );
}

export function buildProgram(io: CliIo & { setExitCode: (code: number) => void }): Command {
  const program = new Command()
    .name("amihackable")
    .description(
      "See what an attacker sees from outside: scan a URL for CORS, header, cookie, TLS and exposure problems.",
    )
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });

  withPinOptions(
    withReportOptions(
      program
        .command("scan")
        .description("Scan a URL and report findings with evidence and fixes.")
        .argument("<url>", "the site or API to scan (https:// is assumed when no scheme is given)"),
    ),
  )
    .option(
      "--only <ids>",
      "run only these finding ids or families (comma-separated, e.g. cors or cors.origin-reflected)",
      list,
      [],
    )
    .option("--ignore <ids>", "skip these finding ids or families (comma-separated)", list, [])
    .option("--budget <n>", "most requests to send", positiveInt("--budget"), 150)
    .option("--timeout <seconds>", "scan deadline in seconds", positiveInt("--timeout"), 60)
    .option("--concurrency <n>", "requests in flight per host", positiveInt("--concurrency"), 6)
    .option(
      "--dns-server <address[:port]>",
      "send every DNS lookup of the scan to this server, like dig @server (default: the system resolver)",
    )
    .option(
      "-H, --header <header>",
      'extra request header for authenticated scans, "Name: value" (repeatable; sent only to the target\'s site, never printed)',
      collect,
      [],
    )
    .option("--cookie <cookie>", 'cookie for authenticated scans, "name=value" (repeatable)', collect, [])
    .option(
      "--save-artifacts <file>",
      "also write what the checks judged (requests, bounded responses, TLS facts) as JSON, for `amihackable judge`",
    )
    .option("--no-color", "plain text output")
    .option("-q, --quiet", "no progress line")
    .action(async (url: string, opts: ScanCliOptions, command: Command) => {
      const { runScan } = await import("./scan-command.ts");
      io.setExitCode(await runScan(url, opts, io, declaredOptions(command)));
    });

  withReportOptions(
    program
      .command("judge")
      .description(
        "Judge a scan saved with --save-artifacts again, offline: the same findings, no request sent.",
      )
      .argument("<file>", "a file written by scan --save-artifacts"),
  )
    .option("--no-color", "plain text output")
    .action(async (file: string, opts: OutputOptions, command: Command) => {
      const { runJudge } = await import("./judge-command.ts");
      io.setExitCode(await runJudge(file, opts, io, declaredOptions(command)));
    });

  addBatchCommand(program, io);

  program
    .command("diff")
    .description("Compare two JSON reports of a site: new, fixed and unchanged findings.")
    .argument("<old>", "the earlier report (scan --format json --output FILE)")
    .argument("<new>", "the later report")
    .addOption(
      new Option("-f, --format <format>", "output format").choices(DIFF_FORMAT_CHOICES).default("text"),
    )
    .addOption(
      new Option("--fail-on <severity>", "exit 1 when a new finding is at or above this severity")
        .choices(SEVERITY_CHOICES)
        .default("high"),
    )
    .action(async (oldPath: string, newPath: string, opts: DiffCliOptions) => {
      const { runDiff } = await import("./diff-command.ts");
      io.setExitCode(await runDiff(oldPath, newPath, opts, io));
    });

  program
    .command("checks")
    .description("List every check: id, severity, title.")
    .action(async () => {
      const { listChecks } = await import("./checks-command.ts");
      listChecks(io);
    });

  program
    .command("learn")
    .description(
      "Explain a finding (its Learn section, e.g. amihackable learn cors.origin-reflected) or a Learn article.",
    )
    .argument("[id]", "a finding id or an article slug; none lists the articles")
    .action(async (topic: string | undefined) => {
      const { runLearn } = await import("./learn-command.ts");
      io.setExitCode(runLearn(topic, io));
    });
  addWorkerCommand(program, io);
  addMcpCommand(program);
  return program;
}

/** Runs the CLI; commander's own usage errors (unknown option, missing argument) exit 2 like ours. */
export async function main(argv: string[]): Promise<number> {
  // `amihackable checks | head`: a reader that stops early is no error worth a stack trace.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? EXIT.ok);
    throw error;
  });
  let exitCode: number = EXIT.ok;
  const program = buildProgram({
    stdout: process.stdout,
    stderr: process.stderr,
    setExitCode: (code) => (exitCode = code),
  });
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (error) {
    const err = error as { code?: string; exitCode?: number; message?: string };
    if (
      err.code === "commander.helpDisplayed" ||
      err.code === "commander.version" ||
      err.code === "commander.help"
    )
      return EXIT.ok;
    if (typeof err.code === "string" && err.code.startsWith("commander.")) return EXIT.error;
    process.stderr.write(`amihackable: unexpected error: ${err.message ?? String(error)}\n`);
    return EXIT.error;
  }
  return exitCode;
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2));
}
