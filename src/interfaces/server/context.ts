import type { IncomingMessage, ServerResponse } from "node:http";
import type { ScanQueue } from "../../queue/scan-queue.ts";
import type { ScanStore } from "../../store/scan-store.ts";
import type { ScanPolicy } from "../api/scan-request.ts";
import type { ServerConfig } from "./config.ts";
import type { RateLimiter } from "./rate-limit.ts";

/** What every handler can reach: built once per server. */
export interface AppServices {
  config: ServerConfig;
  store: ScanStore;
  queue: ScanQueue;
  policy: ScanPolicy;
  /** Scans a client may start (the API and the form share it). */
  scanLimiter: RateLimiter;
  /** Open event streams, bounded so idle watchers cannot exhaust sockets. */
  streams: { open: number; max: number; maxPerClient: number; byClient: Map<string, number> };
}

/** One request as handlers see it. */
export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** Path parameters (":id"). */
  params: Record<string, string>;
  /** This response's CSP nonce. */
  nonce: string;
  https: boolean;
  /** Rate-limit key for the client. */
  client: string;
  services: AppServices;
}
