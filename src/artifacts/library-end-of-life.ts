import { readFileSync } from "node:fs";
import { inRange } from "./library-version.ts";

/** A library line its maintainers no longer fix (library-end-of-life.json, each with its source). */
export interface EndOfLifeLine {
  library: string;
  atOrAbove?: string;
  below?: string;
  /** In words: "jQuery 1.x and 2.x". */
  line: string;
  /** The day support ended, when the maintainers named one (YYYY-MM-DD). */
  ended?: string;
  replacement: string;
  /** The maintainers' statement. */
  source: string;
}

const DATA_FILE = new URL("./library-end-of-life.json", import.meta.url);
let lines: readonly EndOfLifeLine[] | undefined;

/** The end-of-life line this version belongs to, if any. */
export function endOfLifeLine(library: string, version: string): EndOfLifeLine | undefined {
  lines ??= (JSON.parse(readFileSync(DATA_FILE, "utf8")) as { lines: EndOfLifeLine[] }).lines;
  return lines.find((line) => line.library === library && inRange(version, line));
}
