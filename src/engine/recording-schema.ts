import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Ajv2020 } from "ajv/dist/2020.js";
import type addFormats from "ajv-formats";
import type { RecordingFile } from "./recording-file.ts";
import { packageFile } from "../package-root.ts";

/**
 * Ajv and its formats are loaded (both are CommonJS, so synchronously) and the recording's contract
 * (schemas/) read only when a recording is read: a scan imports the engine but never needs them, and
 * starts faster without them.
 */
const requireCommonJs = createRequire(import.meta.url);

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
    const { Ajv2020: Ajv } = requireCommonJs("ajv/dist/2020.js") as { Ajv2020: typeof Ajv2020 };
    const formats = requireCommonJs("ajv-formats") as { default: typeof addFormats.default };
    const ajv = new Ajv({ allErrors: false, strict: true });
    formats.default(ajv);
    const schema = JSON.parse(readFileSync(packageFile("schemas/recording.schema.json"), "utf8")) as object;
    compiled = ajv.compile(schema);
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
