import { writeFile } from "node:fs/promises";
import { InvalidArgumentError } from "commander";
import { CHECKS } from "../../checks/index.ts";
import { isSeverity, TargetError } from "../../core/index.ts";
import {
  scan,
  scanRequest,
  toRecordingFile,
  unknownPatterns,
  type RecordedScan,
} from "../../engine/index.ts";
import { OverrideSyntaxError } from "../../http/index.ts";
import type { OutputOptions } from "./deliver.ts";
import { failWith, type CliIo } from "./exit-codes.ts";
import { dnsServerOption } from "./dns-server-option.ts";
import { parseHeader } from "./option-parsers.ts";
import { progressLine } from "./progress-line.ts";
import type { DeclaredOptions } from "./declared-options.ts";
import { withProjectFiles } from "./project-options.ts";
import { loadBaseline } from "./report-file.ts";
import { unwritableReason } from "./writable-path.ts";

/**
 * `amihackable scan`: loaded only when a scan is asked for, so `--version`, `--help` and `checks` never
 * load the engine.
 */
export interface ScanCliOptions extends OutputOptions {
  saveArtifacts?: string;
  only: string[];
  ignore: string[];
  budget: number;
  timeout: number;
  concurrency: number;
  resolve: string[];
  connectTo: string[];
  /** `--dns-server ADDR[:PORT]`, parsed here rather than in main.ts so `--version` loads no network code. */
  dnsServer?: string;
  header: string[];
  cookie: string[];
  quiet?: boolean;
}

export async function runScan(
  url: string,
  given: ScanCliOptions,
  io: CliIo,
  declared: DeclaredOptions = { names: new Set(), source: () => undefined },
): Promise<number> {
  const fail = failWith(io);
  // The project's files first: they fill the options the command line left at their defaults.
  const project = await withProjectFiles(given, declared);
  if (typeof project === "string") return fail(project);
  const { opts } = project;
  let request;
  try {
    request = scanRequest(url, {
      budget: opts.budget,
      timeoutMs: opts.timeout * 1000,
      concurrency: opts.concurrency,
      resolve: [...opts.resolve, ...opts.connectTo],
      dnsServer: dnsServerOption(opts.dnsServer),
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
  for (const [option, file] of [
    ["--output", opts.output],
    ["--save-artifacts", opts.saveArtifacts],
  ] as const) {
    const reason = file === undefined ? undefined : unwritableReason(file, option);
    if (reason) return fail(reason);
  }
  // Read before scanning, like the output paths: a bad baseline is said before a minute of scanning.
  const baseline = await loadBaseline(opts.baseline);
  if (typeof baseline === "string") return fail(baseline);

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
  // The reporters are loaded once the scan is done: nothing of them is needed before its first request.
  const { deliver } = await import("./deliver.ts");
  return await deliver(report, opts, io, { ...(baseline && { baseline }), ignore: project.ignore });
}
