import { readFile, stat } from "node:fs/promises";

/**
 * A file a user names on the command line (a report, a recording, a list, a config), read whole when it is
 * no larger than `maxBytes`: its text, or one sentence saying why not (`tooLarge` for a file too big to be
 * what it should be). The size is looked at before reading, so a wrong path to a huge file costs nothing.
 */
export async function readInputFile(
  path: string,
  maxBytes: number,
  tooLarge: string,
): Promise<{ text: string } | string> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return `${path} is a folder, not a file`;
    if (info.size > maxBytes) return tooLarge;
    return { text: await readFile(path, "utf8") };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT"
      ? `there is no file at ${path}`
      : `cannot read ${path}: ${(error as Error).message}`;
  }
}
