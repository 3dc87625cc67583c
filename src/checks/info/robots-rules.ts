/**
 * The path rules of a robots.txt (RFC 9309): `Disallow:` lines of any group, comments after `#` removed.
 * A file without a single `User-agent:` line is not a robots.txt (a single-page app's index.html, a
 * catch-all text answer) and yields nothing.
 */
export interface RobotsRule {
  /** The path as written (`/admin/`, `/*.sql$`). */
  path: string;
  /** 1-based line number in the file. */
  line: number;
}

/** Enough lines for any hand-written file; generated files past this are read no further. */
const MAX_LINES = 5000;
const RULE = /^\s*disallow\s*:\s*(\S*)/i;
const USER_AGENT = /^\s*user-agent\s*:/i;

export function disallowRules(text: string): RobotsRule[] {
  const rules: RobotsRule[] = [];
  let isRobots = false;
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/, MAX_LINES);
  lines.forEach((raw, index) => {
    const line = raw.replace(/#.*$/, "");
    if (USER_AGENT.test(line)) isRobots = true;
    const path = RULE.exec(line)?.[1];
    if (path) rules.push({ path, line: index + 1 });
  });
  return isRobots ? rules : [];
}
