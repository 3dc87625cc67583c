import type { Exchange, ExchangeError, RecordedResponse, HandshakeRecord } from "../core/index.ts";
import type { HandshakeRequest, HandshakeResult } from "./handshake.ts";
import { bodyOf, type SendRequest } from "./outgoing-request.ts";

/** What one HTTP exchange produced, before it gets its number. */
export interface ExchangeParts {
  request: Exchange["request"];
  response?: RecordedResponse;
  error?: ExchangeError;
  startedAt: Date;
}

/**
 * The record of everything the client did or refused to do: every exchange (sent, failed or refused at
 * the door) and every bare TLS handshake, numbered in order. Nothing leaves without a line here.
 */
export class TrafficLog {
  readonly exchanges: Exchange[] = [];
  readonly handshakes: HandshakeRecord[] = [];
  private readonly onExchange: ((exchange: Exchange) => void) | undefined;

  constructor(onExchange?: (exchange: Exchange) => void) {
    this.onExchange = onExchange;
  }

  exchange(req: SendRequest, parts: ExchangeParts, redirectedFrom: number | undefined): Exchange {
    const exchange: Exchange = {
      id: this.exchanges.length + 1,
      probe: req.probe,
      labels: req.labels ?? {},
      request: parts.request,
      startedAt: parts.startedAt.toISOString(),
      ...(parts.response ? { response: parts.response } : {}),
      ...(parts.error ? { error: parts.error } : {}),
      ...(redirectedFrom !== undefined ? { redirectedFrom } : {}),
    };
    this.exchanges.push(exchange);
    this.onExchange?.(exchange);
    return exchange;
  }

  /** A request that never left (refused at the door, or one redirect too many): the request as asked. */
  unsent(req: SendRequest, error: ExchangeError, redirectedFrom: number | undefined): Exchange {
    return this.exchange(
      req,
      {
        request: { method: req.method, url: req.url, headers: [], ...bodyOf(req) },
        error,
        startedAt: new Date(),
      },
      redirectedFrom,
    );
  }

  /** `started` is performance.now() when the handshake was asked for. */
  handshake(
    req: HandshakeRequest,
    result: HandshakeResult,
    startedAt: Date,
    started: number,
  ): HandshakeRecord {
    const entry: HandshakeRecord = {
      id: this.handshakes.length + 1,
      probe: req.probe,
      labels: req.labels ?? {},
      origin: req.origin,
      version: req.version,
      ...result,
      startedAt: startedAt.toISOString(),
      elapsedMs: Math.round(performance.now() - started),
    };
    this.handshakes.push(entry);
    return entry;
  }
}
