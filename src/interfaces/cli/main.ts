#!/usr/bin/env node
import { readFile, stat, writeFile } from "node:fs/promises";
import { Command, InvalidArgumentError, Option } from "commander";
import { CHECKS } from "../../checks/index.ts";
import { isSeverity, severityRank, type Severity, TargetError } from "../../core/index.ts";
import {
  replay,
  scan,
  scanRequest,
  unknownPatterns,
  toRecordingFile,
  type RecordedScan,
  type Report,
  readRecordingFile,
} from "../../engine/index.ts";
import { OverrideSyntaxError } from "../../http/index.ts";
import { FORMATS, render, type Format } from "../../reporters/index.ts";
import { VERSION } from "../../version.ts";
import { progressLine } from "./progress-line.ts";
import { addWorkerCommand } from "./worker-command.ts";

/** Exit codes: the contract CI pipelines rely on. */
export const EXIT = { ok: 0, findings: 1, error: 2 } as const;

function positiveInt(name: string) {
  return (value: string) => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < 1)
      throw new InvalidArgumentError(`${name} must be a whole number above 0.`);
    return number;
  };
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function list(value: string, previous: string[]): string[] {
  return [
    ...previous,
    ...value
      .split(",")
      .map((v) => v.trim())
      .filter(Boolean),
  ];
}

function parseHeader(raw: string): [string, string] {
  const colon = raw.indexOf(":");
  if (colon <= 0)
    throw new InvalidArgumentError(`--header needs "Name: value", got "${raw.split(":")[0]}..."`);
  const name = raw.slice(0, colon).trim();
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
    throw new InvalidArgumentError(`"${name}" is not a valid header name.`);
  return [name, raw.slice(colon + 1).trim()];
}

/** The options of every command that produces a report: where it goes, in what format, when to fail. */
function withReportOptions(command: Command): Command {
  return command
    .addOption(new Option("-f, --format <format>", "output format").choices(FORMATS).default("text"))
    .option("-o, --output <file>", "write the report to a file instead of stdout")
    .addOption(
      new Option("--fail-on <severity>", "exit 1 when a finding is at or above this severity")
        .choices(["info", "low", "medium", "high", "critical"])
        .default("high"),
    );
}

export function buildProgram(io: {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
  setExitCode: (code: number) => void;
}): Command {
  const program = new Command()
    .name("amihackable")
    .description(
      "See what an attacker sees from outside: scan a URL for CORS, header, cookie, TLS and exposure problems.",
    )
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });

  withReportOptions(
    program
      .command("scan")
      .description("Scan a URL and report findings with evidence and fixes.")
      .argument("<url>", "the site or API to scan (https:// is assumed when no scheme is given)"),
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
      "--resolve <host:port:address>",
      "pin a host and port to an address, like curl (repeatable)",
      collect,
      [],
    )
    .option(
      "--connect-to <host:port:address:port2>",
      "send a host and port's connections to another address and port, like curl (repeatable)",
      collect,
      [],
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
    .action(async (url: string, opts: ScanCliOptions) => {
      io.setExitCode(await runScan(url, opts, io));
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
    .action(async (file: string, opts: OutputOptions) => {
      io.setExitCode(await runJudge(file, opts, io));
    });

  program
    .command("checks")
    .description("List every check: id, severity, title.")
    .action(() => {
      for (const check of CHECKS) io.stdout.write(`${check.meta.id}\t${check.meta.title}\n`);
    });
  addWorkerCommand(program, io);
  return program;
}

interface OutputOptions {
  format: Format;
  output?: string;
  failOn: Severity;
  color: boolean;
}

interface ScanCliOptions extends OutputOptions {
  saveArtifacts?: string;
  only: string[];
  ignore: string[];
  budget: number;
  timeout: number;
  concurrency: number;
  resolve: string[];
  connectTo: string[];
  header: string[];
  cookie: string[];
  quiet?: boolean;
}

/** Prints one sentence on stderr and gives the exit code of a usage or input error. */
function failWith(io: { stderr: NodeJS.WritableStream }): (message: string) => number {
  return (message) => {
    io.stderr.write(`amihackable: ${message}\n`);
    return EXIT.error;
  };
}

async function runScan(
  url: string,
  opts: ScanCliOptions,
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WriteStream },
): Promise<number> {
  const fail = failWith(io);
  let request;
  try {
    request = scanRequest(url, {
      budget: opts.budget,
      timeoutMs: opts.timeout * 1000,
      concurrency: opts.concurrency,
      resolve: [...opts.resolve, ...opts.connectTo],
      headers: opts.header.map(parseHeader),
      cookies: opts.cookie,
      only: opts.only,
      ignore: opts.ignore,
    });
  } catch (error) {
    if (
      error instanceof TargetError ||
      error instanceof OverrideSyntaxError ||
      error instanceof InvalidArgumentError
    )
      return fail(error.message);
    throw error;
  }
  const unknown = unknownPatterns(CHECKS, [...opts.only, ...opts.ignore]);
  if (unknown.length > 0)
    return fail(`unknown check id or family: ${unknown.join(", ")} (see "amihackable checks")`);
  if (!isSeverity(opts.failOn)) return fail(`--fail-on must be one of info, low, medium, high, critical`);

  const progress = opts.quiet
    ? { onProgress: () => undefined, clear: () => undefined }
    : progressLine(io.stderr);
  let recorded: RecordedScan | undefined;
  const report = await scan(request, {
    onProgress: progress.onProgress,
    ...(opts.saveArtifacts ? { onRecorded: (scan: RecordedScan) => (recorded = scan) } : {}),
  });
  progress.clear();
  if (opts.saveArtifacts && recorded) {
    await writeFile(opts.saveArtifacts, JSON.stringify(toRecordingFile(recorded)));
    io.stderr.write(`Artifacts written to ${opts.saveArtifacts}\n`);
    if (opts.header.length + opts.cookie.length > 0)
      io.stderr.write(
        "This scan was authenticated: the values you passed are removed from the file, but what the site answered to your session (cookies it set, data it showed) is in it; review it before sharing.\n",
      );
  }
  return await deliver(report, opts, io);
}

/** Renders the report where it was asked for and turns it into the exit code CI pipelines read. */
async function deliver(
  report: Report,
  opts: OutputOptions,
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WriteStream },
): Promise<number> {
  const toTerminal = !opts.output && opts.format === "text";
  const output = render(report, opts.format, {
    color: toTerminal && opts.color && (io.stdout as NodeJS.WriteStream).isTTY === true,
  });
  if (opts.output) {
    await writeFile(opts.output, output);
    io.stderr.write(`Report written to ${opts.output}\n`);
  } else {
    io.stdout.write(output);
  }
  if (report.outcome === "unreachable") {
    if (opts.format !== "text" || opts.output)
      io.stderr.write(`amihackable: ${report.failure ?? "the target could not be reached"}\n`);
    return EXIT.error;
  }
  const threshold = severityRank(opts.failOn);
  return report.findings.some((finding) => severityRank(finding.severity) >= threshold)
    ? EXIT.findings
    : EXIT.ok;
}

async function runJudge(
  path: string,
  opts: OutputOptions,
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WriteStream },
): Promise<number> {
  const fail = failWith(io);
  let text: string;
  try {
    // A scan keeps at most 64 MiB of bodies (about 86 MiB as base64): a larger file is not one of ours.
    if ((await stat(path)).size > MAX_RECORDING_BYTES)
      return fail(`${path} is larger than any scan recording (${MAX_RECORDING_BYTES / 1048576} MiB at most)`);
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(
      code === "ENOENT" ? `there is no file at ${path}` : `cannot read ${path}: ${(error as Error).message}`,
    );
  }
  const loaded = readRecordingFile(text);
  if (!loaded.ok) return fail(`${path} is not a scan recording: ${loaded.problems.join("; ")}`);
  let report: Report;
  try {
    report = replay(loaded.file);
  } catch (error) {
    // The schema checks shapes; a value it lets through can still make no sense (a target of ftp://).
    return fail(`${path} is not a usable scan recording: ${(error as Error).message}`);
  }
  return deliver(report, opts, io);
}

const MAX_RECORDING_BYTES = 128 * 1024 * 1024;

/** Runs the CLI; commander's own usage errors (unknown option, missing argument) exit 2 like ours. */
export async function main(argv: string[]): Promise<number> {
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
