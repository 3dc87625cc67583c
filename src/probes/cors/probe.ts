import type { Endpoint } from "../../core/artifacts.ts";
import { headerValue } from "../../core/headers.ts";
import type { Exchange } from "../../core/exchange.ts";
import type { Probe, ProbeContext } from "../probe.ts";
import { bypassOrigins, firstPassOrigins, type OriginProbe } from "./origins.ts";

/** API paths worth a look even when nothing names them: routers often mount CORS only there. */
const COMMON_API_PATHS = ["/api", "/graphql"];
const LIMITS = { endpoints: 10, deepEndpoints: 6, deepPerSignature: 2 };

/** Sent on every probe: a logged-in victim's browser sends its cookies, and some servers only answer
 *  CORS for requests that carry one. The value means nothing to the server. */
export const PROBE_COOKIE = "amihackable_probe=1";

/** What a browser sends before a cross-origin PUT with a JSON body. */
export const PREFLIGHT_HEADERS = {
  "access-control-request-method": "PUT",
  "access-control-request-headers": "content-type",
};

/**
 * Probes each endpoint's CORS policy in two passes. First, every endpoint gets the page's own origin, an
 * attacker origin, and an attacker preflight: that finds which endpoints speak CORS at all. Then the
 * endpoints that do (a few per distinct behaviour) get every bypass origin and the preflight path.
 */
export const corsProbe: Probe = {
  name: "cors",
  title: "Probing CORS",
  after: ["discovery"],
  async run(context) {
    const endpoints = corsEndpoints(context);
    const pageOrigin = new URL(context.discovery.finalUrl ?? context.target.url).origin;
    context.progress(`Probing CORS on ${endpoints.length} endpoint${endpoints.length === 1 ? "" : "s"}`);

    const first = await Promise.all(
      endpoints.map(async (endpoint) => {
        const simple = await Promise.all(
          firstPassOrigins(pageOrigin).map((origin) => sendSimple(context, endpoint, origin)),
        );
        const preflight = await sendPreflight(context, endpoint, {
          variant: "arbitrary",
          origin: firstPassOrigins(pageOrigin)[1]!.origin,
        });
        return { endpoint, simple, preflight };
      }),
    );

    const deep = chooseDeepEndpoints(first);
    await Promise.all(
      deep.map(async ({ endpoint, simple }) => {
        const arbitrary = simple.find((exchange) => exchange.labels.variant === "arbitrary");
        const reflectsAnything =
          arbitrary?.response &&
          headerValue(arbitrary.response.headers, "access-control-allow-origin") === arbitrary.labels.origin;
        // When any origin is echoed, every bypass would be too: the broader finding says it all.
        const origins = reflectsAnything ? [] : bypassOrigins(context.target, pageOrigin);
        await Promise.all([
          ...origins.map((origin) => sendSimple(context, endpoint, origin)),
          sendPreflight(context, endpoint, { variant: "own", origin: pageOrigin }),
        ]);
      }),
    );
  },
};

function corsEndpoints(context: ProbeContext): Endpoint[] {
  const { discovery, target } = context;
  const base = discovery.finalUrl ?? target.url;
  const endpoints = [...discovery.endpoints];
  if (endpoints.length === 0) endpoints.push({ url: base, source: "page" });
  const seen = new Set(endpoints.map((endpoint) => endpoint.url));
  for (const path of COMMON_API_PATHS) {
    const url = new URL(path, base).href;
    if (!seen.has(url)) {
      seen.add(url);
      endpoints.push({ url, source: "common" });
    }
  }
  return endpoints.slice(0, LIMITS.endpoints);
}

/** Endpoints that showed any CORS behaviour, at most a few per distinct behaviour and host. */
function chooseDeepEndpoints(first: Array<{ endpoint: Endpoint; simple: Exchange[]; preflight: Exchange }>) {
  const bySignature = new Map<string, number>();
  const chosen: typeof first = [];
  for (const entry of first) {
    const all = [...entry.simple, entry.preflight];
    const speaksCors = all.some(
      (exchange) =>
        exchange.response &&
        headerValue(exchange.response.headers, "access-control-allow-origin") !== undefined,
    );
    if (!speaksCors) continue;
    const signature = [new URL(entry.endpoint.url).host, ...all.map(corsSignature)].join("|");
    const count = bySignature.get(signature) ?? 0;
    if (count >= LIMITS.deepPerSignature) continue;
    bySignature.set(signature, count + 1);
    chosen.push(entry);
    if (chosen.length >= LIMITS.deepEndpoints) break;
  }
  return chosen;
}

function corsSignature(exchange: Exchange): string {
  const headers = exchange.response?.headers ?? [];
  const origin = headerValue(headers, "access-control-allow-origin");
  const echoed = origin !== undefined && origin === exchange.labels.origin ? "<echo>" : (origin ?? "-");
  return `${echoed}/${headerValue(headers, "access-control-allow-credentials") ?? "-"}`;
}

function sendSimple(context: ProbeContext, endpoint: Endpoint, probe: OriginProbe): Promise<Exchange> {
  return context.http.send({
    method: "GET",
    url: endpoint.url,
    headers: { origin: probe.origin, cookie: PROBE_COOKIE },
    probe: "cors",
    labels: {
      endpoint: endpoint.url,
      source: endpoint.source,
      variant: probe.variant,
      origin: probe.origin,
      kind: "simple",
    },
  });
}

function sendPreflight(context: ProbeContext, endpoint: Endpoint, probe: OriginProbe): Promise<Exchange> {
  return context.http.send({
    method: "OPTIONS",
    url: endpoint.url,
    // Browsers never send cookies on a preflight.
    headers: { origin: probe.origin, ...PREFLIGHT_HEADERS },
    probe: "cors",
    labels: {
      endpoint: endpoint.url,
      source: endpoint.source,
      variant: probe.variant,
      origin: probe.origin,
      kind: "preflight",
    },
  });
}
