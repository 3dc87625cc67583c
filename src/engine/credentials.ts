import { type HeaderList, isSameSite, type Target } from "../core/index.ts";

/** The user's --header and --cookie values as one header list (cookies joined into one Cookie header). */
export function credentialHeaders(
  headers: ReadonlyArray<readonly [string, string]> = [],
  cookies: readonly string[] = [],
): HeaderList {
  const list: Array<readonly [string, string]> = [...headers];
  if (cookies.length > 0) list.push(["cookie", cookies.join("; ")]);
  return list;
}

/**
 * Where the user's credentials may go: the target's own site only (same registrable domain, so an
 * API on api.example.com gets the session too, a CDN or a third party never does), and never over
 * plain http when the target is https, so a redirect to http:// cannot put a session on the wire.
 */
export function credentialsAllowed(target: Target, url: URL): boolean {
  if (!isSameSite(target, url)) return false;
  return target.scheme === "http" || url.protocol === "https:";
}
