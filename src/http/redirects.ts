import { type Exchange, type ExchangeError, headerValue } from "../core/index.ts";
import type { SendRequest } from "./outgoing-request.ts";

export interface RedirectSteps {
  maxRedirects: number;
  /** Sends one hop (through the admission gate) and records it; `redirectedFrom` is the previous hop's id. */
  sendHop: (req: SendRequest, redirectedFrom: number | undefined) => Promise<Exchange>;
  /** Records a hop that is not sent (one redirect too many). */
  recordUnsent: (req: SendRequest, error: ExchangeError, redirectedFrom: number) => Exchange;
}

/**
 * Sends `req` and, when it asks to `follow`, each redirect after it as its own hop, returning the final
 * exchange. Only http(s) locations are followed; past `maxRedirects` the next hop is recorded as refused.
 */
export async function sendFollowingRedirects(req: SendRequest, steps: RedirectSteps): Promise<Exchange> {
  let exchange = await steps.sendHop(req, undefined);
  let hops = 0;
  while (req.follow && exchange.response && isRedirect(exchange.response.status)) {
    const next = redirectTarget(exchange);
    if (!next) break;
    if (++hops > steps.maxRedirects) {
      return steps.recordUnsent(
        { ...req, url: next.href },
        { code: "too-many-redirects", message: `more than ${steps.maxRedirects} redirects` },
        exchange.id,
      );
    }
    exchange = await steps.sendHop(nextHop(req, exchange.response.status, next), exchange.id);
  }
  return exchange;
}

/** Where a redirect points, resolved against the request, without its fragment; null when not http(s). */
function redirectTarget(exchange: Exchange): URL | null {
  const location = exchange.response && headerValue(exchange.response.headers, "location");
  if (!location) return null;
  const next = URL.parse(location, exchange.request.url);
  if (!next || (next.protocol !== "http:" && next.protocol !== "https:")) return null;
  next.hash = "";
  return next;
}

/** As browsers do: 303 always, and 301/302 after a POST, become a GET without a body. */
function nextHop(req: SendRequest, status: number, next: URL): SendRequest {
  const toGet =
    (status === 303 && req.method !== "HEAD") ||
    ((status === 301 || status === 302) && req.method === "POST");
  if (!toGet) return { ...req, url: next.href };
  const { body: _body, ...rest } = req;
  return { ...rest, method: "GET", url: next.href };
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}
