import { Agent, request, errors as undiciErrors } from "undici";
import type {
  Exchange,
  ExchangeError,
  ExchangeErrorCode,
  HeaderList,
  Labels,
  Method,
  RecordedResponse,
} from "../core/exchange.ts";
import { headerValue } from "../core/headers.ts";
import type { AddressGuard } from "./address-policy.ts";
import { BlockedAddressError, createConnector, type TlsObservation } from "./connector.ts";
import { decodeBody } from "./decode-body.ts";
import { methodRefusal } from "./method-policy.ts";
import type { ConnectOverride } from "./resolve-override.ts";
import { Semaphore } from "./semaphore.ts";

export interface HttpLimits {
  /** Most requests one scan may send, redirects included. */
  budget: number;
  perHostConcurrency: number;
  connectTimeoutMs: number;
  /** Time to the response headers. */
  headersTimeoutMs: number;
  /** Whole request, body included: bounds slow-drip bodies that keep the connection busy. */
  requestTimeoutMs: number;
  /** Decoded body cap for an ordinary response. */
  maxBodyBytes: number;
  maxRedirects: number;
}

export const DEFAULT_LIMITS: HttpLimits = {
  budget: 150,
  perHostConcurrency: 6,
  connectTimeoutMs: 5_000,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 15_000,
  maxBodyBytes: 2 * 1024 * 1024,
  maxRedirects: 5,
};

export interface HttpClientOptions {
  limits: HttpLimits;
  /** Aborts every request in flight and refuses new ones when the scan's deadline passes. */
  deadline: AbortSignal;
  overrides?: readonly ConnectOverride[];
  guard?: AddressGuard | null;
  /** Server mode refuses non-default ports unless allowed. */
  allowNonDefaultPorts?: boolean;
  lookup?: (host: string) => Promise<string[]>;
  userAgent?: string;
  /** User-supplied headers (auth), sent only to hosts `sendCredentialsTo` accepts, redacted in records. */
  credentials?: HeaderList;
  sendCredentialsTo?: (url: URL) => boolean;
  onExchange?: (exchange: Exchange) => void;
}

export interface SendRequest {
  method: Method;
  url: string;
  headers?: Record<string, string>;
  body?: string;
  probe: string;
  labels?: Labels;
  /** Follow redirects (each hop is its own recorded exchange). */
  follow?: boolean;
  maxBodyBytes?: number;
}

export const USER_AGENT = "Mozilla/5.0 (compatible; amihackable/0.1; +security scanner, read-only)";

const REDACTED = "[redacted]";

/**
 * The one module that sends bytes. Every request goes through `send`, which enforces the method policy,
 * the request budget, the scan deadline, per-host concurrency, timeouts and size caps, and records an
 * Exchange whatever happens. It never throws for network trouble: the error is part of the record.
 */
export class HttpClient {
  readonly exchanges: Exchange[] = [];
  readonly tls = new Map<string, TlsObservation>();
  private sent = 0;
  private budgetHit = false;
  private readonly agent: Agent;
  private readonly hosts = new Map<string, Semaphore>();
  private readonly options: HttpClientOptions;

  constructor(options: HttpClientOptions) {
    this.options = options;
    this.agent = new Agent({
      connect: createConnector({
        connectTimeoutMs: options.limits.connectTimeoutMs,
        overrides: options.overrides ?? [],
        guard: options.guard ?? null,
        ...(options.lookup ? { lookup: options.lookup } : {}),
        onTls: (observation) => {
          if (!this.tls.has(observation.origin)) this.tls.set(observation.origin, observation);
        },
      }),
      headersTimeout: options.limits.headersTimeoutMs,
      bodyTimeout: options.limits.requestTimeoutMs,
      connections: options.limits.perHostConcurrency,
      // A flood of headers is refused by the parser rather than buffered without end.
      maxHeaderSize: 64 * 1024,
    });
  }

  get requestsSent(): number {
    return this.sent;
  }

  get budgetExhausted(): boolean {
    return this.budgetHit;
  }

  get remainingBudget(): number {
    return Math.max(0, this.options.limits.budget - this.sent);
  }

  async close(): Promise<void> {
    await this.agent.destroy().catch(() => undefined);
  }

  /** Sends one request (and its redirects when `follow`), returning the final exchange. */
  async send(req: SendRequest): Promise<Exchange> {
    let exchange = await this.sendOne(req, undefined);
    let hops = 0;
    while (req.follow && exchange.response && isRedirect(exchange.response.status)) {
      const location = headerValue(exchange.response.headers, "location");
      if (!location) break;
      let next: URL;
      try {
        next = new URL(location, exchange.request.url);
      } catch {
        break;
      }
      if (next.protocol !== "http:" && next.protocol !== "https:") break;
      if (++hops > this.options.limits.maxRedirects) {
        return this.record(
          { ...req, url: next.href },
          { code: "too-many-redirects", message: `more than ${this.options.limits.maxRedirects} redirects` },
          exchange.id,
        );
      }
      const method = exchange.response.status === 303 && req.method !== "HEAD" ? "GET" : req.method;
      exchange = await this.sendOne({ ...req, method, url: next.href }, exchange.id);
    }
    return exchange;
  }

  private async sendOne(req: SendRequest, redirectedFrom: number | undefined): Promise<Exchange> {
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      return this.record(req, { code: "other", message: `not a URL: ${req.url}` }, redirectedFrom);
    }
    const refusal = methodRefusal(req.method, url);
    if (refusal) return this.record(req, { code: "blocked-method", message: refusal }, redirectedFrom);
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      return this.record(
        req,
        { code: "other", message: `unsupported scheme ${url.protocol}` },
        redirectedFrom,
      );
    }
    if (this.options.guard && url.port && !this.options.allowNonDefaultPorts) {
      return this.record(
        req,
        { code: "blocked-address", message: `port ${url.port} is not a default web port` },
        redirectedFrom,
      );
    }
    if (this.options.deadline.aborted) {
      return this.record(req, { code: "deadline", message: "the scan deadline passed" }, redirectedFrom);
    }
    if (this.sent >= this.options.limits.budget) {
      this.budgetHit = true;
      return this.record(
        req,
        { code: "budget", message: `request budget of ${this.options.limits.budget} used up` },
        redirectedFrom,
      );
    }
    this.sent++;

    const semaphore = this.hostSemaphore(url.host);
    let release: () => void;
    try {
      release = await semaphore.acquire(this.options.deadline);
    } catch {
      return this.record(req, { code: "deadline", message: "the scan deadline passed" }, redirectedFrom);
    }
    try {
      return await this.transfer(req, url, redirectedFrom);
    } finally {
      release();
    }
  }

  private async transfer(req: SendRequest, url: URL, redirectedFrom: number | undefined): Promise<Exchange> {
    const headers = this.requestHeaders(req, url);
    const recordedHeaders = headers.map(([name, value]) =>
      this.isCredential(name) ? ([name, REDACTED] as const) : ([name, value] as const),
    );
    const cap = req.maxBodyBytes ?? this.options.limits.maxBodyBytes;
    const timeout = AbortSignal.timeout(this.options.limits.requestTimeoutMs);
    const signal = AbortSignal.any([this.options.deadline, timeout]);
    const startedAt = new Date();
    const started = performance.now();

    try {
      const response = await request(url, {
        dispatcher: this.agent,
        method: req.method,
        headers: headers.flatMap(([name, value]) => [name, value]),
        ...(req.body !== undefined ? { body: req.body } : {}),
        signal,
      });
      const raw: Buffer[] = [];
      let wireBytes = 0;
      let truncated: RecordedResponse["truncated"];
      // The raw cap is the decoded cap: compressed bodies rarely exceed it, and bombs are cut on decode.
      try {
        for await (const chunk of response.body as AsyncIterable<Buffer>) {
          const room = cap - wireBytes;
          if (chunk.length >= room) {
            raw.push(chunk.subarray(0, room));
            wireBytes = cap;
            truncated = "size";
            break;
          }
          raw.push(chunk);
          wireBytes += chunk.length;
        }
      } catch {
        truncated = this.options.deadline.aborted || timeout.aborted ? "time" : "aborted";
      } finally {
        response.body.destroy();
      }
      const responseHeaders = flattenHeaders(response.headers);
      const encoding = headerValue(responseHeaders, "content-encoding") ?? "";
      const decoded = await decodeBody(Buffer.concat(raw, wireBytes), encoding, cap);
      if (decoded.truncated && !truncated) truncated = "decode-size";
      const recorded: RecordedResponse = {
        status: response.statusCode,
        statusText: response.statusText ?? "",
        headers: responseHeaders,
        body: decoded.body,
        wireBytes,
        httpVersion: "1.1",
        elapsedMs: Math.round(performance.now() - started),
        ...(truncated ? { truncated } : {}),
      };
      const tls = this.tls.get(url.origin);
      if (tls) {
        recorded.tls = {
          protocol: tls.protocol,
          cipher: tls.cipher,
          authorized: tls.authorized,
          ...(tls.authorizationError ? { authorizationError: tls.authorizationError } : {}),
        };
      }
      return this.push({
        request: { method: req.method, url: url.href, headers: recordedHeaders, ...bodyOf(req) },
        response: recorded,
        req,
        startedAt,
        redirectedFrom,
      });
    } catch (error) {
      return this.push({
        request: { method: req.method, url: url.href, headers: recordedHeaders, ...bodyOf(req) },
        error: classifyError(error, this.options.deadline, timeout),
        req,
        startedAt,
        redirectedFrom,
      });
    }
  }

  private requestHeaders(req: SendRequest, url: URL): Array<readonly [string, string]> {
    const headers = new Map<string, readonly [string, string]>();
    const set = (name: string, value: string) => headers.set(name.toLowerCase(), [name.toLowerCase(), value]);
    set("user-agent", this.options.userAgent ?? USER_AGENT);
    set("accept", "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8");
    set("accept-encoding", "gzip, deflate, br");
    const sendCredentials = this.options.sendCredentialsTo?.(url) ?? false;
    if (sendCredentials) for (const [name, value] of this.options.credentials ?? []) set(name, value);
    for (const [name, value] of Object.entries(req.headers ?? {})) {
      // A probe's own cookie is added to the user's, not put in its place.
      const existing = headers.get(name.toLowerCase());
      if (name.toLowerCase() === "cookie" && existing) set(name, `${existing[1]}; ${value}`);
      else set(name, value);
    }
    return [...headers.values()];
  }

  private isCredential(name: string): boolean {
    const lower = name.toLowerCase();
    if (lower === "authorization" || lower === "proxy-authorization") return true;
    return (this.options.credentials ?? []).some(([credential]) => credential.toLowerCase() === lower);
  }

  private hostSemaphore(host: string): Semaphore {
    let semaphore = this.hosts.get(host);
    if (!semaphore) {
      semaphore = new Semaphore(this.options.limits.perHostConcurrency);
      this.hosts.set(host, semaphore);
    }
    return semaphore;
  }

  private record(req: SendRequest, error: ExchangeError, redirectedFrom: number | undefined): Exchange {
    return this.push({
      request: { method: req.method, url: req.url, headers: [], ...bodyOf(req) },
      error,
      req,
      startedAt: new Date(),
      redirectedFrom,
    });
  }

  private push(parts: {
    request: Exchange["request"];
    response?: RecordedResponse;
    error?: ExchangeError;
    req: SendRequest;
    startedAt: Date;
    redirectedFrom: number | undefined;
  }): Exchange {
    const exchange: Exchange = {
      id: this.exchanges.length + 1,
      probe: parts.req.probe,
      labels: parts.req.labels ?? {},
      request: parts.request,
      startedAt: parts.startedAt.toISOString(),
      ...(parts.response ? { response: parts.response } : {}),
      ...(parts.error ? { error: parts.error } : {}),
      ...(parts.redirectedFrom !== undefined ? { redirectedFrom: parts.redirectedFrom } : {}),
    };
    this.exchanges.push(exchange);
    this.options.onExchange?.(exchange);
    return exchange;
  }
}

function bodyOf(req: SendRequest): { body?: string } {
  return req.body !== undefined ? { body: req.body } : {};
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): HeaderList {
  const list: Array<readonly [string, string]> = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) list.push([name.toLowerCase(), item]);
  }
  return list;
}

function classifyError(error: unknown, deadline: AbortSignal, timeout: AbortSignal): ExchangeError {
  const err = error as { code?: string; message?: string; name?: string; cause?: { code?: string } };
  const code = err.code ?? err.cause?.code ?? "";
  const message = err.message ?? String(error);
  const as = (kind: ExchangeErrorCode, text: string): ExchangeError => ({ code: kind, message: text });
  if (error instanceof BlockedAddressError) return as("blocked-address", message);
  if (deadline.aborted) return as("deadline", "the scan deadline passed before the response was complete");
  if (
    timeout.aborted ||
    error instanceof undiciErrors.HeadersTimeoutError ||
    code === "UND_ERR_CONNECT_TIMEOUT"
  ) {
    return as("timeout", "the server did not answer in time");
  }
  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EAI_NONAME") return as("dns", message);
  if (code === "ECONNREFUSED") return as("refused", "the connection was refused");
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET" || code === "EPIPE")
    return as("reset", "the connection was reset");
  if (code.startsWith("ERR_SSL") || code.startsWith("ERR_TLS") || /ssl|tls/i.test(message))
    return as("tls", message);
  if (error instanceof undiciErrors.HeadersOverflowError || code === "UND_ERR_HEADERS_OVERFLOW") {
    return as("invalid-response", "the response headers were larger than 64 KiB");
  }
  if (code.startsWith("HPE_") || code === "UND_ERR_INVALID_ARG") return as("invalid-response", message);
  return as("other", message);
}
