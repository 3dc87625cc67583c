import { type Exchange, bodyText } from "../../core/index.ts";
import { DEBUG_PROBE, DEBUG_ROLE, DebugResponses, type DebugKind } from "../../artifacts/index.ts";
import type { Probe, ProbeContext } from "../probe.ts";

/**
 * Well-known debug and status endpoints, one GET each (no redirects followed: a redirect is not the
 * endpoint). Each is recognised later by its content, never by its status: single-page apps answer 200
 * everywhere and CDNs answer block pages.
 */
export const DEBUG_PATHS: ReadonlyArray<{ path: string; kind: DebugKind }> = [
  { path: "/phpinfo.php", kind: "phpinfo" },
  { path: "/info.php", kind: "phpinfo" },
  { path: "/server-status", kind: "server-status" },
  { path: "/actuator", kind: "actuator" },
  { path: "/_ignition/health-check", kind: "ignition" },
];

/** phpinfo() pages run to 100 KiB; the signatures are in the first few. */
const MAX_BODY_BYTES = 256 * 1024;

/**
 * Requests the five paths above, and /actuator/env only when the actuator index lists it (6 requests at
 * most). /actuator/heapdump is never requested, not even with HEAD or a Range: Spring answers either by
 * writing a full heap dump, which pauses the application and may be hundreds of megabytes. Its presence
 * in the index is the evidence.
 */
export const debugProbe: Probe = {
  name: DEBUG_PROBE,
  title: "Looking for debug endpoints",
  after: ["discovery"],
  produces: [DebugResponses],
  async run(context) {
    const origin = new URL(context.discovery.finalUrl ?? context.target.url).origin;
    const exchanges = await Promise.all(
      DEBUG_PATHS.map(({ path, kind }) => send(context, `${origin}${path}`, kind)),
    );
    const actuator = exchanges[DEBUG_PATHS.findIndex(({ kind }) => kind === "actuator")];
    if (actuator && listsActuatorEnv(actuator)) await send(context, `${origin}/actuator/env`, "actuator-env");
  },
};

function send(context: ProbeContext, url: string, kind: DebugKind): Promise<Exchange> {
  return context.http.send({
    method: "GET",
    url,
    probe: DEBUG_PROBE,
    labels: { role: DEBUG_ROLE, kind },
    maxBodyBytes: MAX_BODY_BYTES,
  });
}

/** Gathering, not judging: only decides whether the follow-up request is worth sending. */
function listsActuatorEnv(exchange: Exchange): boolean {
  if (exchange.response?.status !== 200) return false;
  return (
    /"_links"\s*:/.test(bodyText(exchange.response)) && /"env"\s*:\s*\{/.test(bodyText(exchange.response))
  );
}
