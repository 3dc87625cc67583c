import { parseTarget, TargetError } from "../../core/index.ts";

/** One site of a batch: its URL normalised as a single scan normalises it, and where the list named it. */
export interface BatchSite {
  url: string;
  /** The 1-based line of its first mention. */
  line: number;
}

export interface BatchList {
  sites: BatchSite[];
  /** Lines that named a site already listed (after normalising), dropped. */
  duplicates: number;
}

/** A line of the list that is not a URL; the message names the line number. */
export class BatchListError extends Error {
  readonly line: number;
  constructor(line: number, reason: string) {
    super(`line ${line} of the list is not a URL the scanner can scan: ${reason}`);
    this.line = line;
  }
}

/** Lines longer than any real URL are refused rather than parsed (a list is user input, maybe a dump). */
const MAX_LINE_CHARS = 8192;

/**
 * Parses a batch list: one URL per line, `#` starts a comment (a whole line, or after a space), blank
 * lines are skipped, and a site listed twice (the same URL once normalised: https:// added, host lower
 * case, fragment dropped) is scanned once. Knows nothing of files or of the CLI, so any interface that
 * takes a list of sites (the web API's batches) can use it. Throws BatchListError for the first bad line.
 */
export function parseBatchList(text: string): BatchList {
  const sites: BatchSite[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = index + 1;
    const content = withoutComment(raw).trim();
    if (content === "") continue;
    if (content.length > MAX_LINE_CHARS)
      throw new BatchListError(line, `it is longer than ${MAX_LINE_CHARS} characters.`);
    if (/\s/.test(content)) throw new BatchListError(line, "it holds a space; put one URL on each line.");
    let url: string;
    try {
      url = parseTarget(content).url;
    } catch (error) {
      if (error instanceof TargetError) throw new BatchListError(line, lowerFirst(error.message));
      throw error;
    }
    if (seen.has(url)) {
      duplicates++;
      continue;
    }
    seen.add(url);
    sites.push({ url, line });
  }
  return { sites, duplicates };
}

/** `#` at the start of a line or after whitespace starts a comment; inside a URL it is a fragment. */
function withoutComment(line: string): string {
  const match = /(^|\s)#/.exec(line);
  return match ? line.slice(0, match.index) : line;
}

function lowerFirst(sentence: string): string {
  // Keep a quoted input or a name as written; only a leading capital word is lowered.
  return /^[A-Z][a-z]/.test(sentence) ? sentence[0]!.toLowerCase() + sentence.slice(1) : sentence;
}
