import type { Evidence } from "../core/index.ts";

/**
 * Keys found in what the browser downloads are shown redacted everywhere in a report: enough to recognise
 * the key (its kind and its end), never enough to use it. Public-by-design keys get the same treatment so
 * a report pasted into an issue tracker never becomes the place a key leaks from.
 */
export function redactKey(key: string): string {
  if (key.length <= 16) return `${key.slice(0, 4)}…`;
  return `${key.slice(0, 10)}…${key.slice(-4)}`;
}

/** JWTs (three dot-separated parts) and any long token-looking run of characters. */
const TOKEN_LIKE = /eyJ[\w-]*\.[\w-]*\.[\w-]*|[A-Za-z0-9_\-+/=]{24,}/g;

/**
 * Redacts every token-looking run in a short text (a code excerpt around a key): the key itself and any
 * other credential that happens to sit next to it. Over-redacting a long identifier is harmless here.
 */
export function redactTokens(text: string): string {
  return text.replace(TOKEN_LIKE, (token) => redactKey(token));
}

/** Replaces each of the given values, wherever it appears in the text, with its redacted form. */
export function redactValues(text: string, values: readonly string[]): string {
  let result = text;
  for (const value of values) {
    if (value.length < 8) continue;
    result = result.split(value).join(redactKey(value));
  }
  return result;
}

/** The redacted stand-in the HTTP layer records for an Authorization header. */
const RECORDED_REDACTION = "[redacted]";

/**
 * Evidence for a request that carried a key: the key is redacted in the request headers, the curl line,
 * the note and the excerpt. A recorded `Authorization: [redacted]` is shown as `Bearer <redacted key>`
 * so the reader sees which key went where without ever seeing it whole.
 */
export function redactEvidence(evidence: Evidence, keys: readonly string[]): Evidence {
  const values = keys.filter((key) => key.length >= 8);
  const clean = (text: string) => redactValues(text, values);
  const bearer = values[0] ? `Bearer ${redactKey(values[0])}` : RECORDED_REDACTION;
  const result: Evidence = { ...evidence, note: clean(evidence.note) };
  if (evidence.request) {
    result.request = {
      ...evidence.request,
      url: clean(evidence.request.url),
      headers: evidence.request.headers.map(([name, value]) =>
        name === "authorization" && value === RECORDED_REDACTION
          ? ([name, bearer] as const)
          : ([name, clean(value)] as const),
      ),
    };
  }
  if (evidence.curl !== undefined) {
    result.curl = clean(evidence.curl).replace(
      `authorization: ${RECORDED_REDACTION}`,
      `authorization: ${bearer}`,
    );
  }
  if (evidence.response) {
    result.response = {
      ...evidence.response,
      headers: evidence.response.headers.map(([name, value]) => [name, clean(value)] as const),
      bodyExcerpt: clean(evidence.response.bodyExcerpt),
    };
  }
  return result;
}
