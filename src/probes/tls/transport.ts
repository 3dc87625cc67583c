import { type Exchange, headerValue } from "../../core/index.ts";
import {
  SiteCertificates,
  httpsExpectedFor,
  siteHttpsOrigin,
  siteHttpUrl,
  HTTP_ROLE,
  HTTPS_ROLE,
  TRANSPORT_PROBE,
  TransportObservations,
} from "../../artifacts/index.ts";
import type { Probe, ProbeContext } from "../probe.ts";

/** Hops followed on the http:// side while they stay on http (a trailing slash, a www redirect). */
const MAX_HTTP_HOPS = 3;

/**
 * Tries the scheme the target was not given in. For an http:// target: does the host answer on https
 * (port 443)? That request also records the certificate. For an https:// target: what does the http://
 * twin on port 80 do, redirect to https or serve the page? Skipped for localhost and IP addresses.
 * Adds at most 1 request for an http target, 1 to 3 for an https one.
 */
export const transportProbe: Probe = {
  name: TRANSPORT_PROBE,
  title: "Checking HTTPS and redirects",
  after: ["discovery"],
  produces: [TransportObservations, SiteCertificates],
  async run(context) {
    const { target, discovery, http } = context;
    if (!httpsExpectedFor(target.hostname)) return;
    const httpsOrigin = siteHttpsOrigin(target, discovery);
    const tasks: Array<Promise<unknown>> = [];
    const reached = http.exchanges.some(
      (exchange) => exchange.response && new URL(exchange.request.url).origin === httpsOrigin,
    );
    if (!reached) {
      const path = new URL(discovery.finalUrl ?? target.url);
      tasks.push(
        http.send({
          method: "GET",
          url: `${httpsOrigin}${path.pathname}${path.search}`,
          probe: TRANSPORT_PROBE,
          labels: { role: HTTPS_ROLE },
        }),
      );
    }
    if (target.scheme === "https") tasks.push(followHttp(context, siteHttpUrl(target)));
    await Promise.all(tasks);
  },
};

/** Fetches the http:// URL and follows redirects only while they stay on http://, one exchange per hop. */
async function followHttp(context: ProbeContext, start: string): Promise<void> {
  let url = start;
  for (let hop = 0; hop < MAX_HTTP_HOPS; hop++) {
    const exchange: Exchange = await context.http.send({
      method: "GET",
      url,
      probe: TRANSPORT_PROBE,
      labels: { role: HTTP_ROLE, hop: String(hop) },
    });
    const response = exchange.response;
    if (!response || response.status < 300 || response.status > 399) return;
    const location = headerValue(response.headers, "location");
    if (!location) return;
    let next: URL;
    try {
      next = new URL(location, url);
    } catch {
      return;
    }
    // Reaching https is the answer; fetching the https page again would tell nothing new.
    if (next.protocol !== "http:") return;
    url = next.href;
  }
}
