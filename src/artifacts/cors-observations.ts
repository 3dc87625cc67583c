import { type Exchange, headerTokens, headerValue, mimeType, defineProbeArtifact } from "../core/index.ts";

/** One CORS probe as the browser would read it. */
export interface CorsObservation {
  exchange: Exchange;
  endpoint: string;
  /** How the endpoint was found: "bundle", "html", "page" or "common" (a guessed path). */
  source: string;
  variant: string;
  origin: string;
  kind: "simple" | "preflight";
  status: number;
  /** Access-Control-Allow-Origin as sent (undefined when absent). */
  allowOrigin: string | undefined;
  /** Access-Control-Allow-Credentials is exactly "true" (the only value browsers accept). */
  credentials: boolean;
  /** The origin tried is allowed: echoed exactly (browsers compare byte for byte). */
  echoed: boolean;
  wildcard: boolean;
  varyOrigin: boolean;
  /** A browser would let the page read this response with cookies attached. */
  readableWithCredentials: boolean;
}

export const CorsObservations = defineProbeArtifact("cors-observations", (artifacts): CorsObservation[] =>
  artifacts.exchanges
    .filter((exchange) => exchange.probe === "cors" && exchange.response)
    .map((exchange) => {
      const headers = exchange.response!.headers;
      const allowOrigin = headerValue(headers, "access-control-allow-origin")?.trim();
      const origin = exchange.labels.origin ?? "";
      const credentials = (headerValue(headers, "access-control-allow-credentials") ?? "").trim() === "true";
      const echoed = allowOrigin !== undefined && allowOrigin === origin;
      const vary = headerTokens(headers, "vary");
      return {
        exchange,
        endpoint: exchange.labels.endpoint ?? exchange.request.url,
        source: exchange.labels.source ?? "",
        variant: exchange.labels.variant ?? "",
        origin,
        kind: exchange.labels.kind === "preflight" ? "preflight" : "simple",
        status: exchange.response!.status,
        allowOrigin,
        credentials,
        echoed,
        wildcard: allowOrigin === "*",
        varyOrigin: vary.includes("origin") || vary.includes("*"),
        readableWithCredentials: echoed && credentials,
      };
    }),
);

/** Endpoints where an arbitrary attacker origin is echoed on the simple path (with or without credentials). */
export function reflectsArbitrary(
  observations: readonly CorsObservation[],
  endpoint: string,
  withCredentials: boolean,
): boolean {
  return observations.some(
    (o) =>
      o.endpoint === endpoint &&
      o.kind === "simple" &&
      o.variant === "arbitrary" &&
      o.echoed &&
      o.credentials === withCredentials,
  );
}

/** The simple-request observation of one variant on one endpoint (the first, when several were sent). */
export function simpleObservation(
  observations: readonly CorsObservation[],
  endpoint: string,
  variant: string,
): CorsObservation | undefined {
  return observations.find((o) => o.endpoint === endpoint && o.kind === "simple" && o.variant === variant);
}

/**
 * Variants whose origin the site may trust: its own, and the candidates tried when its own got no CORS
 * answer (its front-end on a sibling host, its origin without the port).
 */
export const TRUSTED_VARIANTS: readonly string[] = ["own", "candidate"];

/** A simple request from an origin the site may trust, which the server allowed (echoed). */
export function isTrustedAndAllowed(observation: CorsObservation): boolean {
  return (
    observation.kind === "simple" && TRUSTED_VARIANTS.includes(observation.variant) && observation.echoed
  );
}

/** The simple request from the same origin and variant as this one (a preflight's GET twin). */
export function simpleTwin(
  observations: readonly CorsObservation[],
  observation: CorsObservation,
): CorsObservation | undefined {
  return observations.find(
    (o) =>
      o.endpoint === observation.endpoint &&
      o.kind === "simple" &&
      o.variant === observation.variant &&
      o.origin === observation.origin,
  );
}

/**
 * Access-Control-Allow-Origin depends on the request's Origin: the allowed origin and an attacker's got
 * different answers. A fixed value (always `*`, or always the same origin) does not, and needs no Vary.
 */
export function dependsOnOrigin(observations: readonly CorsObservation[], allowed: CorsObservation): boolean {
  const attacker = simpleObservation(observations, allowed.endpoint, "arbitrary");
  return attacker !== undefined && allowed.allowOrigin !== attacker.allowOrigin;
}

export function isHtml(observation: CorsObservation): boolean {
  const type = mimeType(observation.exchange.response!.headers);
  return type === "text/html" || type === "application/xhtml+xml";
}

/**
 * Keeps the first observation per endpoint, best first: an endpoint the site's code calls and that
 * answered 2xx leads (its URL becomes the finding's URL and PoC target), a guessed path that answered 404
 * comes last. The engine merges the drafts of one host into one finding listing every URL.
 */
export function onePerEndpoint(observations: readonly CorsObservation[]): CorsObservation[] {
  const seen = new Set<string>();
  const kept: CorsObservation[] = [];
  for (const observation of observations) {
    if (seen.has(observation.endpoint)) continue;
    seen.add(observation.endpoint);
    kept.push(observation);
  }
  // Ties by URL: responses arrive in any order, findings must not.
  return kept.sort((a, b) => endpointRank(a) - endpointRank(b) || a.endpoint.localeCompare(b.endpoint));
}

const SOURCE_RANK: Record<string, number> = { bundle: 0, html: 0, page: 1, common: 2 };

function endpointRank(observation: CorsObservation): number {
  const answered = observation.status >= 200 && observation.status < 300 ? 0 : 10;
  return answered + (SOURCE_RANK[observation.source] ?? 1);
}

/**
 * A missing path (404/410) echoes the attacker while a real route on the same host, asked the same way,
 * does not: an error handler's headers, not the API's policy, and nothing to read there.
 */
export function onlyOnMissingPath(
  observations: readonly CorsObservation[],
  observation: CorsObservation,
): boolean {
  if (observation.status !== 404 && observation.status !== 410) return false;
  const host = new URL(observation.endpoint).host;
  return observations.some(
    (o) =>
      o.kind === "simple" &&
      o.variant === observation.variant &&
      o.status >= 200 &&
      o.status < 300 &&
      !o.echoed &&
      new URL(o.endpoint).host === host,
  );
}
