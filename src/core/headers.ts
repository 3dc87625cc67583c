import type { HeaderList } from "./exchange.ts";

/** All values of a header (names compared case-insensitively), in order. */
export function headerValues(headers: HeaderList, name: string): string[] {
  const wanted = name.toLowerCase();
  const values: string[] = [];
  for (const [key, value] of headers) if (key.toLowerCase() === wanted) values.push(value);
  return values;
}

/**
 * The header's combined value as a fetch() Headers object would give it (values joined by ", "),
 * or undefined when absent. Do not use for Set-Cookie: use headerValues.
 */
export function headerValue(headers: HeaderList, name: string): string | undefined {
  const values = headerValues(headers, name);
  return values.length === 0 ? undefined : values.join(", ");
}

/** Comma-separated tokens of a header, lower-cased and trimmed (Vary, Access-Control-Allow-Methods). */
export function headerTokens(headers: HeaderList, name: string): string[] {
  return headerValues(headers, name)
    .flatMap((value) => value.split(","))
    .map((token) => token.trim().toLowerCase())
    .filter((token) => token.length > 0);
}

/** The MIME type without parameters, lower-cased ("text/html"), or "" when absent. */
export function mimeType(headers: HeaderList): string {
  const value = headerValue(headers, "content-type") ?? "";
  return (value.split(";")[0] ?? "").trim().toLowerCase();
}
