import { inRange } from "./library-version.ts";
import endOfLifeData from "./library-end-of-life.json" with { type: "json" };

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

// Imported (not read from disk) so the built package carries it inside its bundle.
const LINES: readonly EndOfLifeLine[] = (endOfLifeData as { lines: EndOfLifeLine[] }).lines;

/** The end-of-life line this version belongs to, if any. */
export function endOfLifeLine(library: string, version: string): EndOfLifeLine | undefined {
  return LINES.find((line) => line.library === library && inRange(version, line));
}
