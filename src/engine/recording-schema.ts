import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { RecordingFile } from "./recording-file.ts";
import { packageFile } from "../package-root.ts";

/** The recording's contract, shipped beside the report's (schemas/). */
const SCHEMA = JSON.parse(readFileSync(packageFile("schemas/recording.schema.json"), "utf8")) as object;

let compiled: ReturnType<Ajv2020["compile"]> | undefined;

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
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: false, strict: true });
    addFormats.default(ajv);
    compiled = ajv.compile(SCHEMA);
  }
  if (compiled(parsed)) {
    const file = parsed as RecordingFile;
    const ids = file.recording.exchanges.map((exchange) => exchange.id);
    if (new Set(ids).size !== ids.length) return { ok: false, problems: ["two exchanges share an id"] };
    return { ok: true, file };
  }
  return {
    ok: false,
    problems: (compiled.errors ?? [])
      .slice(0, 5)
      .map((e) => `${e.instancePath || "/"} ${e.message ?? "is invalid"}`),
  };
}
