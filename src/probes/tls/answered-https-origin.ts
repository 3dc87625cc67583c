import { siteHttpsOrigin } from "../../artifacts/index.ts";
import type { ProbeContext } from "../probe.ts";

/**
 * The site's https origin when something the scan sent there got an answer (the transport probe or
 * discovery reached it), else undefined: the handshake probes test an https server, never look for one.
 */
export function answeredHttpsOrigin(context: ProbeContext): string | undefined {
  const origin = siteHttpsOrigin(context.target, context.discovery);
  const answered = context.http.exchanges.some(
    (exchange) => exchange.response && new URL(exchange.request.url).origin === origin,
  );
  return answered ? origin : undefined;
}
