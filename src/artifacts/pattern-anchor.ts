/**
 * Keeps the Retire.js content patterns near-linear on big, hostile bundles. Half of them hold a wildcard
 * (`.*`, `[\s\S]{0,8000}`, `(.*\n)*`), and V8 backtracks: `[^a-z]f="1.2.3",.*jquery:f,` takes minutes on a
 * MiB of `f="1.2.3",` repeats. Such a pattern can only match where its mandatory literal (`jquery:f,`)
 * is, so it runs only in a bounded window around the first few places that literal occurs: the cost is
 * bounded by the window, not by the bundle. Patterns without a wildcard run on the whole text.
 */

/** A pattern that can span (a quantified dot, class or group): the ones that may backtrack far. */
const SPANNING = /(?:\.|\]|\))(?:\*|\+|\{\d+,\d*\})/;
const BOUND = /\{\d+,(\d*)\}/g;
/** Window around a literal for a pattern with an unbounded wildcard; with explicit bounds, the largest plus slack. */
const UNBOUNDED_REACH = 4096;
const MAX_REACH = 10 * 1024;
const MIN_ANCHOR = 4;

export interface PatternPlan {
  /** The literal every match contains; undefined runs the pattern on the whole (bounded) text. */
  anchor?: string;
  /** Characters kept on each side of the literal; 0: a linear pattern, run on the whole text if it holds the literal. */
  reach: number;
}

export function planPattern(source: string): PatternPlan {
  if (!SPANNING.test(source)) {
    // Linear already; its literal still spares running it over bundles that cannot hold a match.
    const anchor = mandatoryLiteral(source);
    return anchor === undefined ? { reach: 0 } : { anchor, reach: 0 };
  }
  let reach = 0;
  let unbounded = /(?:\.|\]|\))(?:\*|\+)|\{\d+,\}/.test(source);
  for (const match of source.matchAll(BOUND)) {
    if (match[1] === "") unbounded = true;
    else reach = Math.max(reach, Number(match[1]));
  }
  reach = Math.min(MAX_REACH, Math.max(unbounded ? UNBOUNDED_REACH : 0, reach + 512));
  const anchor = mandatoryLiteral(source);
  return anchor === undefined ? { reach } : { anchor, reach };
}

/**
 * The longest run of plain characters outside any group, class or optional part: text every match must
 * contain. Undefined when the pattern alternates at its top level (no single literal is mandatory).
 */
export function mandatoryLiteral(source: string): string | undefined {
  let best = "";
  let run = "";
  let depth = 0;
  const endRun = () => {
    if (depth === 0 && run.length > best.length) best = run;
    run = "";
  };
  for (let index = 0; index < source.length; index++) {
    const char = source[index] ?? "";
    if (char === "\\") {
      const next = source[index + 1] ?? "";
      index++;
      if (/[\\^$.|?*+()[\]{}/"'`=,:;!<>#@%&~-]/.test(next) && depth === 0) run += next;
      else endRun();
      continue;
    }
    if (char === "[") {
      endRun();
      // Skip the class, escapes included.
      for (index++; index < source.length && source[index] !== "]"; index++)
        if (source[index] === "\\") index++;
      continue;
    }
    if (char === "(") {
      endRun();
      depth++;
      continue;
    }
    if (char === ")") {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (char === "|") {
      if (depth === 0) return undefined;
      continue;
    }
    if (char === "?" || char === "*" || char === "{") {
      // The character before a quantifier may be absent or repeated: it leaves the run.
      run = run.slice(0, -1);
      endRun();
      if (char === "{") while (index < source.length && source[index] !== "}") index++;
      continue;
    }
    if (char === "+") {
      endRun();
      continue;
    }
    if (char === "." || char === "^" || char === "$") {
      endRun();
      continue;
    }
    if (depth === 0) run += char;
  }
  endRun();
  return best.length >= MIN_ANCHOR ? best : undefined;
}

/** The windows of `text` a planned pattern runs in: the whole text, or around the first few anchors. */
export function windowsFor(
  plan: PatternPlan,
  text: string,
  maxAnchors = 3,
): Array<{ text: string; offset: number }> {
  if (plan.anchor === undefined) return [{ text, offset: 0 }];
  if (plan.reach === 0) return text.includes(plan.anchor) ? [{ text, offset: 0 }] : [];
  const windows: Array<{ text: string; offset: number }> = [];
  let from = 0;
  while (windows.length < maxAnchors) {
    const at = text.indexOf(plan.anchor, from);
    if (at < 0) break;
    const start = Math.max(0, at - plan.reach);
    windows.push({ text: text.slice(start, at + plan.anchor.length + plan.reach), offset: start });
    from = at + plan.anchor.length;
  }
  return windows;
}
