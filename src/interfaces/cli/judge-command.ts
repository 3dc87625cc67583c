import { readInputFile } from "./input-file.ts";
import { readRecordingFile, replay, type Report } from "../../engine/index.ts";
import { deliver, type OutputOptions } from "./deliver.ts";
import { failWith, type CliIo } from "./exit-codes.ts";
import { unwritableReason } from "./writable-path.ts";
import { loadBaseline } from "./report-file.ts";
import type { DeclaredOptions } from "./declared-options.ts";
import { withProjectFiles } from "./project-options.ts";

/** A scan keeps at most 64 MiB of bodies (about 86 MiB as base64): a larger file is not one of ours. */
const MAX_RECORDING_BYTES = 128 * 1024 * 1024;

/** `amihackable judge FILE`: the checks again over a saved recording, offline. */
export async function runJudge(
  path: string,
  given: OutputOptions,
  io: CliIo,
  declared: DeclaredOptions = { names: new Set(), source: () => undefined },
): Promise<number> {
  const fail = failWith(io);
  const project = await withProjectFiles(given, declared);
  if (typeof project === "string") return fail(project);
  const { opts } = project;
  const unwritable = opts.output === undefined ? undefined : unwritableReason(opts.output, "--output");
  if (unwritable) return fail(unwritable);
  const read = await readInputFile(
    path,
    MAX_RECORDING_BYTES,
    `${path} is larger than any scan recording (${MAX_RECORDING_BYTES / 1048576} MiB at most)`,
  );
  if (typeof read === "string") return fail(read);
  const { text } = read;
  const loaded = readRecordingFile(text);
  if (!loaded.ok) return fail(`${path} is not a scan recording: ${loaded.problems.join("; ")}`);
  let report: Report;
  try {
    report = replay(loaded.file);
  } catch (error) {
    // The schema checks shapes; a value it lets through can still make no sense (a target of ftp://).
    return fail(`${path} is not a usable scan recording: ${(error as Error).message}`);
  }
  const baseline = await loadBaseline(opts.baseline);
  if (typeof baseline === "string") return fail(baseline);
  return deliver(report, opts, io, { ...(baseline && { baseline }), ignore: project.ignore });
}
