import { InvalidArgumentError } from "commander";
import { CHECKS } from "../../checks/index.ts";
import { scoreCvss, TargetError } from "../../core/index.ts";
import {
  applyIgnoreRules,
  expiredRules,
  scanRequest,
  type ScanRequestInput,
  unknownPatterns,
} from "../../engine/index.ts";
import { OverrideSyntaxError } from "../../http/index.ts";
import { type SarifRuleSource, terminalSafe } from "../../reporters/index.ts";
import { VERSION } from "../../version.ts";
import { BatchListError, parseBatchList } from "./batch-list.ts";
import { BatchOutput, OutputPathError, unwritableSentence } from "./batch-output.ts";
import { batchProgress } from "./batch-progress.ts";
import { type BatchSiteRecord, failedRecord, reaches, recordFromReport } from "./batch-record.ts";
import { runBatch } from "./batch-run.ts";
import { renderBatchSarif } from "./batch-sarif.ts";
import { BatchThreads } from "./batch-threads.ts";
import { BatchStateFile } from "./batch-state.ts";
import { renderBatchSummary, summariseBatch } from "./batch-summary.ts";
import { parseHeader } from "./option-parsers.ts";
import { readInputFile } from "./input-file.ts";
import type { DeclaredOptions } from "./declared-options.ts";
import { expiredWarning, withProjectFiles } from "./project-options.ts";
import { type BatchCliOptions, type BatchIo, SCANS_PER_THREAD } from "./batch-command.ts";

/** The batch's exit codes; 0, 1 and 2 mean what they mean for `scan`. */
export const BATCH_EXIT = { ok: 0, findings: 1, error: 2, sitesFailed: 3, stopped: 130 } as const;

/** A list larger than this is not a list of sites typed or exported by a person. */
const MAX_LIST_BYTES = 64 * 1024 * 1024;

function fail(io: BatchIo, message: string): number {
  io.stderr.write(`amihackable: ${message}\n`);
  return BATCH_EXIT.error;
}

async function readList(file: string): Promise<string> {
  if (file === "-") {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_LIST_BYTES)
        throw new ListError(`the list on stdin is larger than ${MAX_LIST_BYTES / 1048576} MiB`);
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString("utf8");
  }
  const read = await readInputFile(
    file,
    MAX_LIST_BYTES,
    `${file} is larger than ${MAX_LIST_BYTES / 1048576} MiB, too large for a list of sites`,
  );
  if (typeof read === "string") throw new ListError(read);
  return read.text;
}

class ListError extends Error {}

/** The SARIF rule of a finding id, from the check registry: the texts every finding of that id shares. */
function registryRules(): (id: string) => SarifRuleSource | undefined {
  const byId = new Map(CHECKS.map((check) => [check.meta.id, check.meta]));
  return (id) => {
    const meta = byId.get(id);
    if (!meta) return undefined;
    const score = scoreCvss(meta.cvss);
    return { ...meta, severity: score.severity, cvss: { score: score.score } };
  };
}

/** A thread's error message as the one sentence a failed site shows. */
function sentence(message: string): string {
  const text = message.trim() || "the scan failed";
  return `${text[0]!.toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? "" : "."}`;
}

/** Runs a batch from the command line's options and gives its exit code (BATCH_EXIT). */
export async function runBatchCommand(
  file: string,
  given: BatchCliOptions,
  io: BatchIo,
  declared: DeclaredOptions = { names: new Set(), source: () => undefined },
): Promise<number> {
  const project = await withProjectFiles(given, declared);
  if (typeof project === "string") return fail(io, project);
  const { opts, ignore } = project;
  // Said once, at the start: the entries apply to every site, and so does their expiry.
  for (const rule of expiredRules(ignore, new Date())) io.stderr.write(expiredWarning(rule));
  let input: ScanRequestInput;
  try {
    input = {
      budget: opts.budget,
      timeoutMs: opts.timeout * 1000,
      concurrency: opts.perHost,
      resolve: [...opts.resolve, ...opts.connectTo],
      headers: opts.header.map(parseHeader),
      cookies: opts.cookie,
      only: opts.only,
      ignore: opts.ignore,
    };
    // Parses the options every site shares once, before any site is read: a bad pin is said at once, and
    // each site's request reuses the parsed pins.
    const shared = scanRequest("https://options.invalid/", input);
    input.resolve = shared.pins;
  } catch (error) {
    if (
      error instanceof OverrideSyntaxError ||
      error instanceof InvalidArgumentError ||
      error instanceof TargetError
    )
      return fail(io, error.message);
    throw error;
  }
  const unknown = unknownPatterns(CHECKS, [...opts.only, ...opts.ignore]);
  if (unknown.length > 0)
    return fail(io, `unknown check id or family: ${unknown.join(", ")} (see "amihackable checks")`);
  const statePath = opts.state ?? (opts.output ? `${opts.output}.state` : undefined);
  if (opts.resume && !statePath)
    return fail(
      io,
      "--resume needs --output or --state: the state file it continues from is kept beside the output.",
    );

  let sites;
  try {
    const parsed = parseBatchList(await readList(file));
    sites = parsed.sites;
    if (parsed.duplicates > 0 && !opts.quiet)
      io.stderr.write(`${parsed.duplicates} duplicate line${parsed.duplicates === 1 ? "" : "s"} skipped.\n`);
  } catch (error) {
    if (error instanceof ListError) return fail(io, `${error.message}.`);
    if (error instanceof BatchListError)
      return fail(io, `${error.message}${/[.!?]$/.test(error.message) ? "" : "."}`);
    throw error;
  }

  let output: BatchOutput;
  try {
    output = await BatchOutput.open(opts.output, opts.format, io.stdout);
  } catch (error) {
    if (error instanceof OutputPathError) return fail(io, error.message);
    throw error;
  }
  let state: BatchStateFile | undefined;
  if (statePath) {
    try {
      state = await BatchStateFile.open(statePath, opts.resume === true);
    } catch (error) {
      await output.close();
      return fail(io, `the state file: ${unwritableSentence(statePath, error)}`);
    }
  }
  const listed = new Set(sites.map((site) => site.url));
  const previous = (state?.finished ?? []).filter((record) => listed.has(record.url));
  const done = new Set(previous.map((record) => record.url));
  const todo = sites.filter((site) => !done.has(site.url));
  await output.begin(previous);
  if (opts.resume && previous.length > 0 && !opts.quiet)
    io.stderr.write(`Resuming: ${previous.length} of ${sites.length} sites already finished.\n`);

  const progress = opts.quiet
    ? { started: () => undefined, finished: () => undefined, close: () => undefined }
    : batchProgress(io.stderr, {
        total: sites.length,
        done: previous.filter((r) => r.status === "done").length,
        failed: previous.filter((r) => r.status === "failed").length,
      });

  const stop = new AbortController();
  let stoppedBy: string | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stop.signal.aborted) {
      // A second Ctrl-C: every finished site is already on disk, so leaving at once loses nothing.
      process.exit(BATCH_EXIT.stopped);
    }
    stoppedBy = signal;
    stop.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  const threads = new BatchThreads(opts.threads ?? Math.ceil(opts.concurrency / SCANS_PER_THREAD));
  const startedAt = new Date().toISOString();
  let result;
  try {
    result = await runBatch({
      sites: todo,
      concurrency: opts.concurrency,
      stop: stop.signal,
      onStart: () => progress.started(),
      scanSite: async (site, signal) => {
        try {
          const report = await threads.run(scanRequest(site.url, input), signal);
          // Accepted findings leave each site's record, as they leave a single scan's count.
          return recordFromReport(site.url, applyIgnoreRules(report, ignore, new Date()).report);
        } catch (error) {
          return failedRecord(site.url, sentence(error instanceof Error ? error.message : String(error)));
        }
      },
      onFinished: async (record) => {
        // Durable first: a site counts as finished only once the state file holds it.
        await state?.append(record);
        await output.add(record);
        progress.finished(record);
      },
    });
  } catch (error) {
    progress.close();
    await threads.close();
    await state?.close();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    return fail(
      io,
      `the batch stopped: ${statePath ? unwritableSentence(statePath, error) : (error as Error).message}`,
    );
  }
  process.off("SIGINT", onSignal);
  process.off("SIGTERM", onSignal);
  progress.close();
  await threads.close();
  await state?.close();

  const records: BatchSiteRecord[] = [...previous, ...result.finished];
  await output.finish(() =>
    renderBatchSarif(records, registryRules(), {
      version: VERSION,
      startedAt,
      finishedAt: new Date().toISOString(),
    }),
  );
  if (opts.output && !opts.quiet) io.stderr.write(`Results written to ${opts.output}\n`);
  io.stderr.write(renderBatchSummary(summariseBatch(records, sites.length), terminalSafe));

  if (result.stopped) {
    const again = statePath
      ? `Run the same command with --resume to continue${opts.state ? "" : ` (the state is in ${statePath})`}.`
      : "Without --output or --state there is no state file: run again with --output FILE to be able to resume.";
    io.stderr.write(
      `Stopped${stoppedBy ? ` by ${stoppedBy}` : ""}: ${records.length} of ${sites.length} sites finished. ${again}\n`,
    );
    return BATCH_EXIT.stopped;
  }
  if (records.some((record) => reaches(record, opts.failOn))) return BATCH_EXIT.findings;
  if (records.some((record) => record.status === "failed")) return BATCH_EXIT.sitesFailed;
  return BATCH_EXIT.ok;
}
