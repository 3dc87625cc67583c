import { accessSync, constants, statSync } from "node:fs";
import path from "node:path";

/**
 * Why a file could not be written at `file`, in one sentence, or undefined when it can be. Asked before
 * a scan starts, so a typo in `--output` costs a second, not the whole scan and a raw ENOENT at the end.
 */
export function unwritableReason(file: string, option: string): string | undefined {
  const folder = path.dirname(path.resolve(file));
  let existing;
  try {
    existing = statSync(file, { throwIfNoEntry: false });
    if (existing?.isDirectory()) return `${option} ${file} is a folder; give a file name.`;
    const parent = statSync(folder, { throwIfNoEntry: false });
    if (!parent) return `${option} ${file}: the folder ${folder} does not exist.`;
    if (!parent.isDirectory()) return `${option} ${file}: ${folder} is not a folder.`;
    accessSync(existing ? file : folder, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "EACCES" || code === "EPERM" || code === "EROFS"
      ? `${option} ${file}: no permission to write ${existing ? "this file" : `in ${folder}`}.`
      : `${option} ${file} cannot be written: ${(error as Error).message}`;
  }
  return undefined;
}
