import { ERROR_TRIGGER_ROLE, ERRORS_PROBE, ErrorTriggers, type ErrorTrigger } from "../../artifacts/index.ts";
import type { Probe, ProbeContext } from "../probe.ts";

/** Percent signs that are not escapes: decoders (decodeURIComponent, Rack, WSGI, send) throw on them. */
const MALFORMED_SEGMENT = "amihackable-%%";
/** An error page with a trace is short; a huge one is cut, the start is enough to recognise it. */
const MAX_BODY_BYTES = 256 * 1024;
const API_PATH = /\/(api|graphql|rest|trpc|rpc|v\d+)(\/|$)/i;
/** A path segment that is a record id: a number, a UUID or a long hex/object id. */
const ID_SEGMENT = /^(\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{16,})$/i;

/**
 * Provokes the site's error handling with two harmless GETs and records what comes back; the check looks
 * for stack traces and framework debug pages in these and in every other response of the scan.
 *  1. /amihackable-%%: a path with a malformed escape (404 in debug mode shows Django's and Rails' route
 *     lists; Express's static handler passes a 400 error with its stack to the default handler).
 *  2. <an API route of the page>/amihackable-%%: a malformed value where routers decode a parameter
 *     (Express's `/api/users/:id` throws "Failed to decode param" with a stack in development).
 */
export const errorsProbe: Probe = {
  name: ERRORS_PROBE,
  title: "Checking error pages",
  after: ["discovery"],
  produces: [ErrorTriggers],
  async run(context) {
    const base = new URL(context.discovery.finalUrl ?? context.target.url);
    const triggers: Array<{ trigger: ErrorTrigger; url: string }> = [
      { trigger: "path", url: `${base.origin}/${MALFORMED_SEGMENT}` },
      { trigger: "api", url: `${apiBase(context, base)}/${MALFORMED_SEGMENT}` },
    ];
    await Promise.all(
      triggers.map(({ trigger, url }) =>
        context.http.send({
          method: "GET",
          url,
          probe: ERRORS_PROBE,
          labels: { role: ERROR_TRIGGER_ROLE, trigger },
          maxBodyBytes: MAX_BODY_BYTES,
        }),
      ),
    );
  },
};

/**
 * Where a router would decode a parameter: the first API-looking route the page uses on its own origin,
 * with its last segment taken as the parameter when it looks like an id (/api/users/1 -> /api/users),
 * else the route itself as the collection (/api/users); /api when the page names none.
 */
function apiBase(context: ProbeContext, base: URL): string {
  for (const endpoint of context.discovery.endpoints) {
    if (endpoint.source === "page" || endpoint.source === "common") continue;
    const url = new URL(endpoint.url);
    if (url.origin !== base.origin || !API_PATH.test(url.pathname)) continue;
    const segments = url.pathname.replace(/\/+$/, "").split("/");
    if (ID_SEGMENT.test(segments.at(-1) ?? "")) segments.pop();
    return `${url.origin}${segments.join("/")}`;
  }
  return `${base.origin}/api`;
}
