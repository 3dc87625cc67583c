/**
 * Versions as the Retire.js data writes them: mostly semver, but also four numbers (`1.2.3.4`), letters glued
 * to a number (`1.9.0b1`, `1.0RC2`) and dotted pre-releases (`3.0.RC3`, `1.0.0-rc.1.1`). `semver` refuses
 * most of those, so this compares them the way the data means them: segment by segment (split on `.` and
 * `-`), a missing segment is 0, and a pre-release marker sorts below the release it precedes.
 */

/**
 * What a version looks like where the data writes `§§version§§`: numbers, then at most one pre-release
 * marker with its numbers. Tighter than Retire's own `[0-9][0-9.a-z_\-]+`, which would read
 * `jquery-1.12.4.min.js` as version `1.12.4.min`; tight also means little backtracking on big bundles.
 */
export const VERSION_PATTERN =
  "[0-9]{1,6}(?:\\.[0-9]{1,6}){0,4}(?:[-.]?(?:alpha|beta|rc|RC|pre|preview|canary|next|dev|b|a)(?:[.-]?[0-9]{1,6}){0,3})?";

const WHOLE_VERSION = new RegExp(`^(?:${VERSION_PATTERN})$`);

/** Whether a string is a version this module can compare (a captured group, a CDN URL's `@1.2.3`). */
export function isVersion(text: string): boolean {
  return text.length <= 64 && WHOLE_VERSION.test(text);
}

interface Segment {
  /** The leading digits, or null for a segment that is only letters (`rc` in `1.0.0-rc.1`). */
  number: number | null;
  /** What follows the digits (`b1` in `0b1`): a pre-release of that number. */
  suffix: string;
}

const RELEASE_ZERO: Segment = { number: 0, suffix: "" };

function segmentsOf(version: string): Segment[] {
  return version.split(/[.-]/).map((part) => {
    const match = /^(\d*)(.*)$/.exec(part) ?? ["", "", part];
    const digits = match[1] ?? "";
    return { number: digits === "" ? null : Number(digits), suffix: (match[2] ?? "").toLowerCase() };
  });
}

const naturalOrder = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

function compareSegments(a: Segment, b: Segment): number {
  // A marker without a number (`rc`, `beta`) sits below any numbered segment, a missing one included.
  if (a.number === null || b.number === null) {
    if (a.number === null && b.number === null) return naturalOrder.compare(a.suffix, b.suffix);
    return a.number === null ? -1 : 1;
  }
  if (a.number !== b.number) return a.number < b.number ? -1 : 1;
  if (a.suffix === b.suffix) return 0;
  // `0b1` comes before `0`: letters after the number make it a pre-release of that number.
  if (a.suffix === "") return 1;
  if (b.suffix === "") return -1;
  return naturalOrder.compare(a.suffix, b.suffix);
}

/** Negative when a < b, 0 when they are the same version, positive when a > b. */
export function compareVersions(a: string, b: string): number {
  const left = segmentsOf(a);
  const right = segmentsOf(b);
  const length = Math.max(left.length, right.length);
  for (let index = 0; index < length; index++) {
    const order = compareSegments(left[index] ?? RELEASE_ZERO, right[index] ?? RELEASE_ZERO);
    if (order !== 0) return order;
  }
  return 0;
}

/** A range of the data: from `atOrAbove` (or the beginning) up to, not including, `below`. */
export function inRange(version: string, range: { atOrAbove?: string; below?: string }): boolean {
  if (range.atOrAbove !== undefined && compareVersions(version, range.atOrAbove) < 0) return false;
  if (range.below !== undefined && compareVersions(version, range.below) >= 0) return false;
  return true;
}
