import { type Recording, bodyText, type Exchange, defineArtifact } from "../core/index.ts";
import { httpsExpectedFor, siteHttpsOrigin } from "./https-origin.ts";

/** The probe that tries the site's other scheme (written by probes/tls, read here). */
export const TRANSPORT_PROBE = "tls";
/** Its request to the https origin, made when nothing else reached it. */
export const HTTPS_ROLE = "https-origin";
/** Its request to the http:// twin of an https target, one exchange per redirect hop (`labels.hop`). */
export const HTTP_ROLE = "http-origin";

/** What the scan learned about the site's two schemes. */
export interface TransportFacts {
  /** Where the site should answer over https. */
  httpsOrigin: string;
  /** An exchange that got an answer (any status) from the https origin. */
  httpsAnswer?: Exchange;
  /** The transport probe's request to the https origin, when it got no answer. */
  httpsFailure?: Exchange;
  /** The plain-http requests in order: the target's own redirect chain, or the probe's visit to the http twin. */
  httpChain: Exchange[];
  /** The first of those that answered 2xx over http:// with a page rather than a redirect. */
  httpContent?: Exchange;
}

/** Failures that say nothing about the site: the scan ran out of budget or time, or refused the address. */
const INCONCLUSIVE = new Set(["budget", "deadline", "blocked-address", "blocked-method"]);

/** Undefined for localhost and IP-address targets, where https is not expected (see httpsExpectedFor). */
export const TransportObservations = defineArtifact(
  "transport-facts",
  (artifacts: Recording): TransportFacts | undefined => {
    const { target, discovery, exchanges } = artifacts;
    if (!httpsExpectedFor(target.hostname)) return undefined;
    const httpsOrigin = siteHttpsOrigin(target, discovery);
    const httpsAnswer = exchanges.find(
      (exchange) => exchange.response && new URL(exchange.request.url).origin === httpsOrigin,
    );
    const attempt = exchanges.find(
      (exchange) => exchange.probe === TRANSPORT_PROBE && exchange.labels.role === HTTPS_ROLE,
    );
    const httpsFailure =
      !httpsAnswer && attempt?.error && !INCONCLUSIVE.has(attempt.error.code) ? attempt : undefined;
    const httpChain = target.scheme === "http" ? pageChain(artifacts) : probeChain(exchanges);
    const httpContent = httpChain.find(
      (exchange) =>
        exchange.request.url.startsWith("http:") &&
        exchange.response !== undefined &&
        exchange.response.status >= 200 &&
        exchange.response.status <= 299 &&
        !refreshesToHttps(bodyText(exchange.response)),
    );
    return {
      httpsOrigin,
      ...(httpsAnswer ? { httpsAnswer } : {}),
      ...(httpsFailure ? { httpsFailure } : {}),
      httpChain,
      ...(httpContent ? { httpContent } : {}),
    };
  },
);

/** The main page's redirect chain, first request first (the hops are linked by redirectedFrom). */
function pageChain(artifacts: Recording): Exchange[] {
  const byId = new Map(artifacts.exchanges.map((exchange) => [exchange.id, exchange]));
  const chain: Exchange[] = [];
  let current = byId.get(artifacts.discovery.pageExchangeId ?? -1);
  while (current && chain.length < 20) {
    chain.unshift(current);
    current = current.redirectedFrom === undefined ? undefined : byId.get(current.redirectedFrom);
  }
  return chain;
}

function probeChain(exchanges: readonly Exchange[]): Exchange[] {
  return exchanges
    .filter((exchange) => exchange.probe === TRANSPORT_PROBE && exchange.labels.role === HTTP_ROLE)
    .sort((a, b) => Number(a.labels.hop ?? 0) - Number(b.labels.hop ?? 0));
}

/** A tiny page whose only job is `<meta http-equiv="refresh" content="0; url=https://...">` is a redirect. */
function refreshesToHttps(html: string): boolean {
  return /<meta[^>]+http-equiv\s*=\s*["']?refresh["']?[^>]+content\s*=\s*["']?\s*\d+\s*;\s*url\s*=\s*["']?https:\/\//i.test(
    html.slice(0, 4096),
  );
}
