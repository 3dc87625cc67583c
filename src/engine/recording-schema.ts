import type { RecordingFile } from "./recording-file.ts";
import { schemaCheck } from "../schema-validator.ts";

/**
 * Reads a recording someone hands us (their own, or one attached to a false-positive report): it is
 * hostile input like any target's bytes, so it is checked against the schema before a check sees it.
 */
export function readRecordingFile(
  text: string,
): { ok: true; file: RecordingFile } | { ok: false; problems: string[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`not JSON (${(error as Error).message})`] };
  }
  const problems = schemaCheck("schemas/recording.schema.json")(parsed);
  if (problems.length > 0) return { ok: false, problems };
  const file = parsed as RecordingFile;
  const ids = file.recording.exchanges.map((exchange) => exchange.id);
  if (new Set(ids).size !== ids.length) return { ok: false, problems: ["two exchanges share an id"] };
  return { ok: true, file };
}
