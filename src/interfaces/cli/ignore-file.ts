import { existsSync } from "node:fs";
import { join } from "node:path";
import type { IgnoreRule } from "../../engine/index.ts";
import { schemaCheck } from "../../schema-validator.ts";
import { readProjectFile } from "./project-file.ts";

/** Read from the folder the command runs in when no `--ignore-file` names another. */
export const IGNORE_FILE_NAME = ".amihackableignore";

/**
 * The ignore rules of `--ignore-file FILE`, or of `.amihackableignore` in `cwd` when there is one: a YAML
 * (or JSON) list of entries, each naming a finding by fingerprint or id (and URL pattern), with the reason
 * it was accepted and an optional expiry date. A string says in one sentence why the file cannot serve.
 */
export async function loadIgnoreFile(
  explicit: string | undefined,
  cwd: string,
): Promise<IgnoreRule[] | string> {
  const path = explicit ?? join(cwd, IGNORE_FILE_NAME);
  if (explicit === undefined && !existsSync(path)) return [];
  const read = await readProjectFile(path);
  if (typeof read === "string") return `--ignore-file: ${read}`;
  return ignoreRulesIn(read.value ?? [], explicit ?? IGNORE_FILE_NAME, "#/$defs/ignoreList");
}

/** Checks entries against the config schema's ignore entry and tags each with where it came from. */
export function ignoreRulesIn(value: unknown, source: string, pointer: string): IgnoreRule[] | string {
  const problems = schemaCheck("schemas/config.schema.json", pointer, true)(value);
  if (problems.length > 0) return `${source}: ${problems.join("; ")}`;
  return (value as IgnoreRule[]).map((rule, index) => ({ ...rule, source: `${source} entry ${index + 1}` }));
}
