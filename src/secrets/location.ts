/** Where in a text a match is, in the terms an editor uses (1-based line and column). */
export interface TextPosition {
  line: number;
  column: number;
}

export function positionOf(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf("\n"); at !== -1 && at < offset; at = text.indexOf("\n", at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

const ASSIGNMENT_BEFORE = /([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)["'`]?\s*(?::|=|\?\?|\|\|)\s*["'`]?$/;
const LOOK_BACK = 120;

/**
 * The name the value is assigned to, when the code says so just before it: `NEXT_PUBLIC_STRIPE_KEY:"..."`,
 * `const apiKey = "..."`, `"service_key": "..."`. Names tell users which environment variable leaked.
 */
export function variableBefore(text: string, offset: number): string | undefined {
  const before = text.slice(Math.max(0, offset - LOOK_BACK), offset);
  const match = ASSIGNMENT_BEFORE.exec(before);
  if (!match?.[1]) return undefined;
  const name = match[1];
  // Keep the meaningful tail of a long member chain: process.env.NEXT_PUBLIC_X → NEXT_PUBLIC_X.
  const parts = name.split(".");
  return (parts.at(-1) ?? name).slice(0, 80);
}

/** Prefixes that make a bundler copy an environment variable into browser code. */
export const PUBLIC_ENV_PREFIXES = [
  "NEXT_PUBLIC_",
  "VITE_",
  "REACT_APP_",
  "PUBLIC_",
  "EXPO_PUBLIC_",
  "NUXT_PUBLIC_",
  "GATSBY_",
  "VUE_APP_",
];

export function publicEnvPrefix(name: string | undefined): string | undefined {
  if (!name) return undefined;
  return PUBLIC_ENV_PREFIXES.find((prefix) => name.startsWith(prefix));
}
