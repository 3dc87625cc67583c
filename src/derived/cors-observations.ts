import type { Exchange } from "../core/exchange.ts";
import { headerTokens, headerValue } from "../core/headers.ts";
import { memoView } from "./memo.ts";

/** One CORS probe as the browser would read it. */
export interface CorsObservation {
  exchange: Exchange;
  endpoint: string;
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

export const corsObservations = memoView((artifacts): CorsObservation[] =>
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
