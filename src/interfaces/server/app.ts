import type { AddressInfo } from "node:net";
import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { publicOnlyGuard } from "../../http/index.ts";
import {
  ScanQueue,
  ScanThreads,
  type ScanLine,
  type ScanRunner,
  type ThreadPolicy,
} from "../../queue/index.ts";
import { SqliteScanStore, type ScanStore } from "../../store/index.ts";
import { VERSION } from "../../version.ts";
import {
  apiRoutes,
  scanRequestFor,
  type ScanPolicy,
  REPORT_SCHEMA_ID,
  SHARED_SCHEMAS,
} from "../api/index.ts";
import { sendErrorPage, webRoutes } from "../web/index.ts";
import { clientKey, isHttps } from "./client-address.ts";
import { DEFAULT_CONFIG, rateWindow, type ServerConfig } from "./config.ts";
import type { AppServices, Server } from "./context.ts";
import { HttpError, toHttpError } from "./errors.ts";
import { newNonce, securityHeaders } from "./security-headers.ts";
import { TokenBucketStore } from "./token-bucket-store.ts";

/** Runs a scan that went wrong this many times over restarts no more. */
const MAX_ATTEMPTS = 3;
const MAX_STREAMS = 500;
/** One client may watch a few scans at once, but not take every stream slot from everyone else. */
const MAX_STREAMS_PER_CLIENT = 10;
/** Clients whose request counts are kept; the least recently seen are forgotten first. */
const MAX_CLIENTS_TRACKED = 10_000;

export interface AppOptions {
  config?: Partial<ServerConfig>;
  /** An open store (tests share one between two app instances to simulate a restart; PostgreSQL). */
  store?: ScanStore;
  /** Close the given store with the app (openApp hands over a store it opened). */
  ownsStore?: boolean;
  /** A queue run elsewhere (RedisScanLine: BullMQ and worker processes) instead of the in-process one. */
  line?: ScanLine;
  /** Stands in for DNS in the scans this server runs (SSRF tests). */
  dnsTable?: Readonly<Record<string, readonly string[]>>;
  /** Replaces the engine (queue tests). */
  runner?: ScanRunner;
  /** Start with the queue paused (benchmarks). */
  paused?: boolean;
}

export interface App {
  /** The node:http server under Fastify (an https server can hand it requests). */
  server: Server["server"];
  fastify: Server;
  services: AppServices;
  /** Listens and resolves with the address (port 0 picks a free one). */
  listen(port?: number, host?: string): Promise<{ port: number; url: string }>;
  /** The OpenAPI 3.1 document, generated from the routes' schemas. */
  openApiDocument(): Promise<Record<string, unknown>>;
  /** Stops accepting, interrupts running scans (they re-run on next start), closes the store. */
  close(): Promise<void>;
}

/**
 * The product: web pages, the API and the queue in one process, on Fastify. Server mode scans
 * strangers' URLs, so every scan gets the public-only address guard (plus the operator's allowlist)
 * and keeps to default ports unless the operator allows others.
 */
export function createApp(options: AppOptions = {}): App {
  const config: ServerConfig = { ...DEFAULT_CONFIG, ...options.config };
  const store = options.store ?? new SqliteScanStore(config.databasePath);
  const ownsStore = options.ownsStore ?? !options.store;
  const policy: ScanPolicy = {
    guard: publicOnlyGuard(config.allowAddresses),
    allowNonDefaultPorts: config.allowNonDefaultPorts,
  };
  // Every scan runs in a worker thread: a hostile target that costs seconds of CPU to judge must not
  // hold the pages, the API or other scans' event streams.
  const threadPolicy: ThreadPolicy = {
    allowAddresses: config.allowAddresses,
    allowNonDefaultPorts: config.allowNonDefaultPorts,
    dnsServer: config.dnsServer,
    ...(options.dnsTable ? { dnsTable: options.dnsTable } : {}),
  };
  const threads = new ScanThreads();
  const runner: ScanRunner =
    options.runner ?? ((record, hooks) => threads.run(scanRequestFor(record), threadPolicy, hooks));
  const queue: ScanLine =
    options.line ??
    new ScanQueue({
      store,
      run: runner,
      concurrency: config.concurrency,
      maxWaiting: config.maxWaiting,
      maxWaitingPerClient: config.maxWaitingPerClient,
      maxAttempts: MAX_ATTEMPTS,
      paused: options.paused ?? false,
    });

  const app: Server = Fastify({
    bodyLimit: config.bodyLimitBytes,
    // Slow clients cannot hold sockets open forever (event streams are responses, unaffected).
    requestTimeout: 30_000,
    keepAliveTimeout: 5_000,
    // Open event streams would otherwise keep close() waiting.
    forceCloseConnections: true,
    ajv: {
      // The schemas are the contract: no silent fixing (dropping unknown fields, "9" as 9) and the
      // failing schema at hand to word the refusal (validation-error.ts).
      customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: false, verbose: true },
    },
    // Requests Fastify refuses before routing (a malformed URL or id) skip the onRequest hooks, the rate
    // limit among them: they are counted here, against the same allowance, before the error is built.
    frameworkErrors: (error, request, reply) => {
      void (async () => {
        prepare(request, reply);
        const verdict = await malformedLimiter?.(request);
        if (verdict && !verdict.isAllowed && verdict.isExceeded) {
          const wait = Math.max(1, verdict.ttlInSeconds);
          const limited = new HttpError(429, "rate_limited", `Too many requests; try again in ${wait} s.`, {
            "retry-after": String(wait),
          });
          return replyWithError(request, reply, limited);
        }
        return replyWithError(request, reply, error);
      })();
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.server.headersTimeout = 10_000;
  app.server.maxHeadersCount = 100;

  let malformedLimiter: ReturnType<FastifyInstance["createRateLimit"]> | undefined;
  const prepare = (request: FastifyRequest, reply: FastifyReply) => {
    if (request.nonce) return;
    request.nonce = newNonce();
    request.https = isHttps(request.raw, config.trustProxy);
    request.client = clientKey(request.raw, config.trustProxy);
    // Set first, so a route may relax one deliberately (the badge's Cross-Origin-Resource-Policy).
    reply.headers({
      ...securityHeaders({ nonce: request.nonce, https: request.https }),
      "cache-control": "no-store",
    });
  };
  const replyWithError = (
    request: FastifyRequest,
    reply: FastifyReply,
    raw: unknown,
  ): FastifyReply | void => {
    if (reply.raw.headersSent) {
      reply.raw.destroy();
      return;
    }
    const { error, internal } = toHttpError(raw, config.bodyLimitBytes);
    if (internal) console.error(`${request.method} ${request.url}:`, raw);
    prepare(request, reply);
    if (request.url.startsWith("/api/"))
      return reply
        .code(error.status)
        .headers(error.headers)
        .send({ error: { code: error.code, message: error.message } });
    return sendErrorPage(request, reply, error);
  };

  app.decorateRequest("nonce", "");
  app.decorateRequest("https", false);
  app.decorateRequest("client", "");
  app.addHook("onRequest", async (request, reply) => prepare(request, reply));
  // JSON as before: one line, ended by a newline. Response schemas describe and type; they do not filter.
  app.setSerializerCompiler(() => (data) => `${JSON.stringify(data)}\n`);
  app.setReplySerializer((payload) => `${JSON.stringify(payload)}\n`);
  app.setErrorHandler((error, request, reply) => replyWithError(request, reply, error));
  // The page's form: plain fields, under the same body limit as JSON.
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string" },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  for (const schema of SHARED_SCHEMAS) app.addSchema(schema);

  const scanLimit = rateWindow(config.scanRate);
  void app.register(rateLimit, {
    global: true,
    hook: "onRequest",
    ...rateWindow(config.requestRate),
    cache: MAX_CLIENTS_TRACKED,
    store: TokenBucketStore,
    keyGenerator: (request) => request.client,
    addHeadersOnExceeding: {
      "x-ratelimit-limit": false,
      "x-ratelimit-remaining": false,
      "x-ratelimit-reset": false,
    },
    addHeaders: {
      "x-ratelimit-limit": false,
      "x-ratelimit-remaining": false,
      "x-ratelimit-reset": false,
      "retry-after": true,
    },
    errorResponseBuilder: (_request, context) => {
      const wait = Math.max(1, Math.ceil(context.ttl / 1000));
      return new HttpError(429, "rate_limited", `Too many requests; try again in ${wait} s.`, {
        "retry-after": String(wait),
      });
    },
  });
  void app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "amihackable API",
        version: VERSION,
        description:
          'Start a scan of a public web address, follow it live, and fetch its report (JSON, SARIF, HTML) and a README badge. Read-only scans of public addresses only; non-default ports are refused unless the operator allows them. Errors are always {"error": {"code", "message"}}.',
        license: { name: "MIT", identifier: "MIT" },
      },
    },
    convertConstToEnum: false,
    // Shared schemas are components under their own names (the report keeps its public $id).
    refResolver: {
      buildLocalReference: (json, _base, _fragment, i) =>
        json.$id === REPORT_SCHEMA_ID ? "Report" : typeof json.$id === "string" ? json.$id : `def-${i}`,
    },
    // Only the API is described; the pages are for people.
    transform: ({ schema, url }) => ({
      schema: url.startsWith("/api/") ? schema : { ...schema, hide: true },
      url,
    }),
    transformObject: (document) => ({
      ...("openapiObject" in document ? document.openapiObject : document),
      jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base",
    }),
  });

  const services: AppServices = {
    config,
    store,
    queue,
    policy,
    takeScanAllowance: async () => 0,
    streams: { open: 0, max: MAX_STREAMS, maxPerClient: MAX_STREAMS_PER_CLIENT, byClient: new Map() },
  };

  // Every path answers the methods it has; others get 405 with Allow (OPTIONS: 204 with Allow).
  const methodsByUrl = new Map<string, Set<string>>();
  app.addHook("onRoute", (route) => {
    const methods = methodsByUrl.get(route.url) ?? new Set<string>();
    for (const method of [route.method].flat()) methods.add(method);
    methodsByUrl.set(route.url, methods);
  });

  void app.register(async (routes: Server) => {
    const scanLimiter = routes.createRateLimit({ ...scanLimit, keyGenerator: (request) => request.client });
    malformedLimiter = routes.createRateLimit({
      ...rateWindow(config.requestRate),
      keyGenerator: (request) => request.client,
    });
    services.takeScanAllowance = async (request) => {
      const result = await scanLimiter(request);
      return !result.isAllowed && result.isExceeded ? Math.max(1, result.ttlInSeconds) : 0;
    };
    webRoutes(routes, services);
    apiRoutes(routes, services);
    for (const [url, methods] of [...methodsByUrl]) {
      if (methods.has("GET")) methods.add("HEAD");
      const allow = [...methods].join(", ");
      // HEAD is Fastify's own (answered as GET); CONNECT names a host, not a path.
      const others = routes.supportedMethods.filter(
        (method) => !methods.has(method) && method !== "HEAD" && method !== "CONNECT",
      );
      routes.route({
        method: others,
        url,
        schema: { hide: true },
        handler: (request, reply) => {
          if (request.method === "OPTIONS") return reply.code(204).header("allow", allow).send();
          throw new HttpError(405, "method_not_allowed", `Use ${allow} here.`, { allow });
        },
      });
    }
    // Unknown addresses count against the client's request allowance too.
    routes.setNotFoundHandler({ preHandler: routes.rateLimit() }, (request, reply) =>
      replyWithError(request, reply, new HttpError(404, "not_found", "Nothing is here.")),
    );
  });

  // Waiting and interrupted scans go back in line before the server answers (listen waits for it).
  const recovered = queue.recover();

  /** Every interface, as node:http does without a host: IPv6 and IPv4 where the machine has IPv6, else IPv4. */
  const listenOnEveryAddress = async (port: number) => {
    try {
      await app.listen({ port, host: "::" });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "EAFNOSUPPORT" && code !== "EADDRNOTAVAIL") throw error;
      await app.listen({ port, host: "0.0.0.0" });
    }
  };
  return {
    server: app.server,
    fastify: app,
    services,
    listen: async (port = config.port, host = config.host) => {
      await recovered;
      if (host !== undefined) await app.listen({ port, host });
      else await listenOnEveryAddress(port);
      const address = app.server.address() as AddressInfo;
      const shown =
        address.family === "IPv6"
          ? address.address === "::"
            ? "localhost"
            : `[${address.address}]`
          : address.address === "0.0.0.0"
            ? "localhost"
            : address.address;
      return { port: address.port, url: `http://${shown}:${address.port}` };
    },
    openApiDocument: async () => {
      await app.ready();
      return app.swagger() as unknown as Record<string, unknown>;
    },
    close: async () => {
      const closed = app.close();
      await recovered.catch(() => undefined);
      await queue.shutdown();
      await threads.close();
      await closed;
      if (ownsStore) await store.close();
    },
  };
}
