import { type RecordedResponse, headerTokens, headerValue } from "../../core/index.ts";

/** Statuses a cache may store without explicit freshness (RFC 9110 §15.1 "heuristically cacheable"). */
const HEURISTICALLY_CACHEABLE = new Set([200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 501]);

/**
 * Whether a browser or shared cache would reuse this response for a later request without asking the
 * server again (RFC 9111): explicit freshness (max-age, s-maxage, Expires, public), or a heuristic
 * lifetime from Last-Modified. A response that must be revalidated each time is not: the server answers
 * the revalidation for the new Origin. Express's default (an ETag, no Cache-Control) is therefore safe.
 */
export function reusedFromCache(response: RecordedResponse): boolean {
  const directives = headerTokens(response.headers, "cache-control");
  if (directives.some((d) => d === "no-store" || d === "no-cache" || d === "private")) return false;
  const lifetimes = directives
    .map((d) => /^(?:s-maxage|max-age)\s*=\s*"?(\d+)"?$/.exec(d)?.[1])
    .filter((value): value is string => value !== undefined)
    .map(Number);
  if (lifetimes.length > 0) return lifetimes.some((seconds) => seconds > 0);
  const expires = headerValue(response.headers, "expires");
  if (expires !== undefined) {
    const at = Date.parse(expires);
    const now = Date.parse(headerValue(response.headers, "date") ?? "");
    // An invalid date (often "0" or "-1") means already expired.
    return !Number.isNaN(at) && (Number.isNaN(now) || at > now);
  }
  if (!HEURISTICALLY_CACHEABLE.has(response.status)) return false;
  return directives.includes("public") || headerValue(response.headers, "last-modified") !== undefined;
}
