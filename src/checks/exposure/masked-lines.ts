import { bodyText, type Exchange } from "../../core/index.ts";

/** An email address, a long token-like run, or a quoted string: what a leaked file's excerpt must not repeat. */
const EMAIL = /[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+/g;
const TOKEN = /[A-Za-z0-9+/_=-]{20,}/g;
const QUOTED = /(["'])(?:(?!\1)[^\\\n]|\\.){1,400}\1/g;

/** One line with emails, tokens and quoted values hidden, clipped for an excerpt. */
export function maskedLine(line: string, width = 160): string {
  return line
    .replace(EMAIL, "…@…")
    .replace(QUOTED, "$1…$1")
    .replace(TOKEN, (run) => (/^[a-z_.-]+$/i.test(run) ? run : "…"))
    .slice(0, width);
}

/** The first lines of a served file, masked: enough for a reader to recognise it, nothing to steal. */
export function maskedHead(exchange: Exchange, lines = 8): string {
  return bodyText(exchange.response)
    .split(/\r?\n/)
    .slice(0, lines)
    .map((line) => maskedLine(line))
    .join("\n");
}
