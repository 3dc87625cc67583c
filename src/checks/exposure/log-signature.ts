import { bodyText, type Exchange, mimeType } from "../../core/index.ts";

/** A date and time as loggers write them: ISO, Apache/nginx, PHP's error_log, syslog. */
const TIMESTAMP =
  /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}|\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}|\d{2}-[A-Z][a-z]{2}-\d{4} \d{2}:\d{2}:\d{2}|[A-Z][a-z]{2} [A-Z][a-z]{2} \d{1,2} \d{2}:\d{2}:\d{2}(?:\.\d+)? \d{4}|\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2}|^[A-Z][a-z]{2} +\d{1,2} \d{2}:\d{2}:\d{2}/;
/** A severity word, as a level field (`ERROR`, `[error]`, `production.ERROR:`, `PHP Warning:`). */
const LEVEL =
  /(?:^|[\s[.(|:])(?:EMERG(?:ENCY)?|ALERT|CRIT(?:ICAL)?|ERROR|ERR|WARN(?:ING)?|NOTICE|INFO|DEBUG|TRACE|FATAL|SEVERE|emerg|alert|crit|error|warn|notice|info|debug)(?:[\]\s:|)]|$)|PHP (?:Fatal error|Warning|Notice|Parse error|Deprecated)/;
/** npm's own debug log: `12 verbose stack Error: ...`, numbered lines with npm's levels. */
const NPM_LINE = /^\d+ (?:verbose|info|silly|error|warn|timing|http|notice) \S/;
/** A stack frame of JavaScript, PHP, Python or Java. */
const STACK_FRAME =
  /^\s+at \S.*(?::\d+(?::\d+)?\)?|\(native\))$|^#\d+ \/.*\(\d+\)|^#\d+ \{main\}|^\s+File ".+", line \d+|^\s+at [\w$.]+\([\w$.]+\.java:\d+\)/;

const LINES_READ = 200;
/** Fewer lines than this cannot tell a log from a page that quotes one. */
const MIN_ENTRIES = 3;

export interface LogShape {
  /** "npm debug log", "log" */
  format: string;
  /** Lines with a timestamp and a level (or npm's numbered levels). */
  entries: number;
  /** Stack frames among the lines read. */
  frames: number;
}

/**
 * A log file: plain text whose lines mostly carry a timestamp and a severity level (or npm's numbered
 * levels), at least three of them. HTML, JSON documents and binaries are never logs, whatever the path.
 */
export function logShape(exchange: Exchange): LogShape | undefined {
  const response = exchange.response;
  if (!response || response.body.length === 0) return undefined;
  const type = mimeType(response.headers);
  if (type === "text/html" || type.startsWith("image/") || type === "application/json") return undefined;
  const text = bodyText(response);
  if (text.includes("\0") || /^\uFEFF?\s*</.test(text) || /^\s*\{/.test(text)) return undefined;
  const lines = text.split(/\r?\n/).slice(0, LINES_READ);
  // A cut body ends mid-line; the last line is not judged.
  if (response.truncated !== undefined || exchange.response?.status === 206) lines.pop();
  const filled = lines.filter((line) => line.trim().length > 0);
  if (filled.length === 0) return undefined;
  const npm = filled.filter((line) => NPM_LINE.test(line)).length;
  if (npm >= MIN_ENTRIES && npm / filled.length >= 0.6)
    return { format: "npm debug log", entries: npm, frames: 0 };
  const entries = filled.filter((line) => TIMESTAMP.test(line) && LEVEL.test(line)).length;
  const frames = filled.filter((line) => STACK_FRAME.test(line)).length;
  if (entries < MIN_ENTRIES) return undefined;
  // Log lines, stack frames and the continuation lines of multi-line messages make up most of the file.
  const stamped = filled.filter((line) => TIMESTAMP.test(line)).length;
  if ((stamped + frames) / filled.length < 0.5) return undefined;
  return { format: "log", entries, frames };
}
