import { parseDocument } from "yaml";
import { readInputFile } from "./input-file.ts";

/** A config or ignore file is a few kilobytes; a bigger one is a mistake, not ours to parse. */
const MAX_PROJECT_FILE_BYTES = 1024 * 1024;

/**
 * A file of the project (a config, an ignore list) parsed as JSON or YAML by its name: the value, or one
 * sentence saying why it cannot be read. YAML 1.2 core keeps `2027-01-31` a string, as the schema wants.
 */
export async function readProjectFile(path: string): Promise<{ value: unknown } | string> {
  const read = await readInputFile(path, MAX_PROJECT_FILE_BYTES, `${path} is larger than 1 MiB`);
  if (typeof read === "string") return read;
  const { text } = read;
  if (path.endsWith(".json")) {
    try {
      return { value: JSON.parse(text) as unknown };
    } catch (error) {
      return `${path} is not JSON: ${(error as Error).message}`;
    }
  }
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const problem = document.errors[0];
  if (problem) {
    const where = problem.linePos?.[0];
    const message = problem.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
    return `${path}${where ? `:${where.line}:${where.col}` : ""} is not valid YAML: ${message}`;
  }
  return { value: document.toJS({ maxAliasCount: 100 }) as unknown };
}
