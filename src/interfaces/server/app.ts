import http from "node:http";
import type { AddressInfo } from "node:net";
import { scanRequest } from "../../engine/request.ts";
import { scan } from "../../engine/scan.ts";
import { publicOnlyGuard } from "../../http/address-policy.ts";
import { ScanQueue, type ScanRunner } from "../../queue/scan-queue.ts";
import { ScanStore } from "../../store/scan-store.ts";
import { apiRoutes } from "../api/routes.ts";
import type { ScanPolicy } from "../api/scan-request.ts";
import { sendErrorPage, webRoutes } from "../web/routes.ts";
import { clientKey, isHttps } from "./client-address.ts";
import { DEFAULT_CONFIG, type ServerConfig } from "./config.ts";
import type { AppServices, RequestContext } from "./context.ts";
import { HttpError } from "./http-error.ts";
import { RateLimiter } from "./rate-limit.ts";
import { sendJsonError } from "./respond.ts";
import { Router } from "./router.ts";
import { newNonce, securityHeaders } from "./security-headers.ts";

/** Runs a scan that went wrong this many times over restarts no more. */
const MAX_ATTEMPTS = 3;
const MAX_STREAMS = 500;
/** One client may watch a few scans at once, but not take every stream slot from everyone else. */
const MAX_STREAMS_PER_CLIENT = 10;

export interface AppOptions {
  config?: Partial<ServerConfig>;
  /** An open store (tests share one between two app instances to simulate a restart). */
  store?: ScanStore;
  /** Stands in for DNS in the scans this server runs (SSRF tests). */
  lookup?: (host: string) => Promise<string[]>;
  /** Replaces the engine (queue tests). */
  runner?: ScanRunner;
  /** Start with the queue paused (benchmarks). */
  paused?: boolean;
}

export interface App {
  server: http.Server;
  services: AppServices;
  /** Listens and resolves with the address (port 0 picks a free one). */
  listen(port?: number, host?: string): Promise<{ port: number; url: string }>;
  /** Stops accepting, interrupts running scans (they re-run on next start), closes the store. */
  close(): Promise<void>;
}

/**
 * The product: web pages, the API and the queue in one process, on node:http. Server mode scans
 * strangers' URLs, so every scan gets the public-only address guard (plus the operator's allowlist)
 * and keeps to default ports unless the operator allows others.
 */
export function createApp(options: AppOptions = {}): App {
  const config: ServerConfig = { ...DEFAULT_CONFIG, ...options.config };
  const store = options.store ?? new ScanStore(config.databasePath);
  const ownsStore = !options.store;
  const guard = publicOnlyGuard(config.allowAddresses);
  const policy: ScanPolicy = { guard, allowNonDefaultPorts: config.allowNonDefaultPorts };

  const runner: ScanRunner =
    options.runner ??
    ((record, hooks) =>
      scan(
        scanRequest(record.url, {
          ...(record.options.budget ? { budget: record.options.budget } : {}),
          ...(record.options.timeout ? { timeoutMs: record.options.timeout * 1000 } : {}),
          ...(record.options.only ? { only: record.options.only } : {}),
          ...(record.options.ignore ? { ignore: record.options.ignore } : {}),
        }),
        {
          guard,
          allowNonDefaultPorts: config.allowNonDefaultPorts,
          ...(options.lookup ? { lookup: options.lookup } : {}),
          onProgress: hooks.onProgress,
          signal: hooks.signal,
        },
      ));

  const queue = new ScanQueue({
    store,
    run: runner,
    concurrency: config.concurrency,
    maxWaiting: config.maxWaiting,
    maxAttempts: MAX_ATTEMPTS,
    paused: options.paused ?? false,
  });
  const services: AppServices = {
    config,
    store,
    queue,
    policy,
    scanLimiter: new RateLimiter(config.scanRate),
    streams: { open: 0, max: MAX_STREAMS, maxPerClient: MAX_STREAMS_PER_CLIENT, byClient: new Map() },
  };
  const requestLimiter = new RateLimiter(config.requestRate);

  const router = new Router();
  webRoutes(router);
  apiRoutes(router);

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const nonce = newNonce();
    const https = isHttps(req, config.trustProxy);
    for (const [name, value] of Object.entries(securityHeaders({ nonce, https }))) res.setHeader(name, value);
    let url: URL;
    try {
      url = new URL(req.url ?? "/", "http://server.invalid");
    } catch {
      url = new URL("http://server.invalid/");
    }
    const context: RequestContext = {
      req,
      res,
      url,
      params: {},
      nonce,
      https,
      client: clientKey(req, config.trustProxy),
      services,
    };
    try {
      const wait = requestLimiter.take(context.client);
      if (wait > 0)
        throw new HttpError(429, "rate_limited", `Too many requests; try again in ${wait} s.`, {
          "retry-after": String(wait),
        });
      const match = router.match(req.method ?? "GET", url.pathname);
      if (match.kind === "none") throw new HttpError(404, "not_found", "Nothing is here.");
      if (match.kind === "wrong-method") {
        const allow = [
          ...new Set([...match.allowed, ...(match.allowed.includes("GET") ? ["HEAD"] : [])]),
        ].join(", ");
        if (req.method === "OPTIONS") {
          res.writeHead(204, { allow }).end();
          return;
        }
        throw new HttpError(405, "method_not_allowed", `Use ${allow} here.`, { allow });
      }
      context.params = match.params;
      await match.handler(context);
    } catch (error) {
      respondWithError(context, error);
    }
  };
  const server = http.createServer((req, res) => void handle(req, res));
  // Slow clients cannot hold sockets open forever (event streams are responses, unaffected).
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;
  server.maxHeadersCount = 100;

  queue.recover();

  return {
    server,
    services,
    listen: (port = config.port, host = config.host) =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          const address = server.address() as AddressInfo;
          const shown =
            address.family === "IPv6"
              ? address.address === "::"
                ? "localhost"
                : `[${address.address}]`
              : address.address === "0.0.0.0"
                ? "localhost"
                : address.address;
          resolve({ port: address.port, url: `http://${shown}:${address.port}` });
        });
      }),
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await queue.shutdown();
      server.closeAllConnections();
      await closed;
      if (ownsStore) store.close();
    },
  };
}

function respondWithError(context: RequestContext, error: unknown): void {
  const { res, url } = context;
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const known =
    error instanceof HttpError
      ? error
      : new HttpError(500, "internal_error", "Something went wrong on our side; it has been logged.");
  if (!(error instanceof HttpError)) console.error(`${context.req.method} ${url.pathname}:`, error);
  if (url.pathname.startsWith("/api/"))
    sendJsonError(context, known.status, known.code, known.message, known.headers);
  else sendErrorPage(context, known);
}
