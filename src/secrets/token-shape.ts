import { characterClasses, shannonEntropy } from "./entropy.ts";
import { isPlaceholder } from "./placeholder.ts";

/**
 * The random part of a provider token must look random: not a placeholder, mixed character classes and
 * enough entropy. Provider prefixes are cheap to fake ("sk_live_test"), the random part is not.
 */
export function looksRandom(randomPart: string, minEntropy = 3.5, minClasses = 2): boolean {
  if (isPlaceholder(randomPart)) return false;
  if (characterClasses(randomPart) < minClasses) return false;
  return shannonEntropy(randomPart) >= minEntropy;
}

/** The first capture of `pattern` in `text` near [from, to], for reading a config object around a key. */
export function nearby(text: string, from: number, to: number, pattern: RegExp): string | undefined {
  const window = text.slice(Math.max(0, from), Math.min(text.length, to));
  return pattern.exec(window)?.[1];
}
