import { readFile, stat } from "node:fs/promises";
import { parseDocument } from "yaml";

/** A config or ignore file is a few kilobytes; a bigger one is a mistake, not ours to parse. */
const MAX_PROJECT_FILE_BYTES = 1024 * 1024;

/**
 * A file of the project (a config, an ignore list) parsed as JSON or YAML by its name: the value, or one
 * sentence saying why it cannot be read. YAML 1.2 core keeps `2027-01-31` a string, as the schema wants.
 */
export async function readProjectFile(path: string): Promise<{ value: unknown } | string> {
  let text: string;
  try {
    if ((await stat(path)).size > MAX_PROJECT_FILE_BYTES) return `${path} is larger than 1 MiB`;
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT"
      ? `there is no file at ${path}`
      : `cannot read ${path}: ${(error as Error).message}`;
  }
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
