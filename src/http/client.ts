import { Agent, request, errors as undiciErrors } from "undici";
import type {
  Exchange,
  ExchangeError,
  HeaderList,
  Labels,
  Method,
  RecordedResponse,
} from "../core/exchange.ts";
import { headerValue } from "../core/headers.ts";
import type { AddressGuard } from "./address-policy.ts";
import { BodyPool } from "./body-pool.ts";
import type { HandshakeRecord, TlsObservation } from "../core/transport.ts";
import { createConnector } from "./connector.ts";
import { decodeBody } from "./decode-body.ts";
import { attemptHandshake, type HandshakeRequest, type HandshakeResult } from "./handshake.ts";
import { classifyError } from "./error-class.ts";
import { methodRefusal } from "./method-policy.ts";
import type { ConnectOverride } from "./resolve-override.ts";
import { Semaphore } from "./semaphore.ts";

export interface HttpLimits {
  /** Most requests one scan may send, redirects included. */
  budget: number;
  perHostConcurrency: number;
  connectTimeoutMs: number;
  /** Time from sending the request to the end of the response headers (a slow drip of headers too). */
  headersTimeoutMs: number;
  /** Longest silence allowed between two chunks of a body. */
  bodyIdleTimeoutMs: number;
  /** Whole request, body included: bounds slow-drip bodies that are never idle long enough to time out. */
  requestTimeoutMs: number;
  /** Decoded body cap for an ordinary response. */
  maxBodyBytes: number;
  /** Body bytes one scan keeps in all; past it, bodies are cut at `minBodyBytes`. */
  maxTotalBodyBytes: number;
  /** What every body may keep even when the scan-wide allowance is spent (status pages, small JSON). */
  minBodyBytes: number;
  /** Response header block cap; browsers refuse around 256 KiB, real sites send a few KiB. */
  maxHeaderBytes: number;
  maxRedirects: number;
}

export const DEFAULT_LIMITS: HttpLimits = {
  budget: 150,
  perHostConcurrency: 6,
  connectTimeoutMs: 5_000,
  headersTimeoutMs: 10_000,
  bodyIdleTimeoutMs: 10_000,
  requestTimeoutMs: 15_000,
  maxBodyBytes: 2 * 1024 * 1024,
  maxTotalBodyBytes: 64 * 1024 * 1024,
  minBodyBytes: 16 * 1024,
  maxHeaderBytes: 64 * 1024,
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
  /** A probe's own allowance shared by several requests (discovery's total for bundles). */
  bodyPool?: BodyPool;
}

export const USER_AGENT = "Mozilla/5.0 (compatible; amihackable/0.1; +security scanner, read-only)";

/** What a recorded request shows instead of a credential the user gave. */
export const REDACTED = "[redacted]";

type HeaderPair = readonly [string, string];

/**
 * The one module that sends bytes. Every request goes through `send`, which enforces the method policy,
 * the request budget, the scan deadline, per-host concurrency, timeouts and size caps, and records an
 * Exchange whatever happens. It never throws for network trouble: the error is part of the record.
 *
 * Time is bounded three ways: undici's headersTimeout (to the end of the headers) and bodyTimeout (idle
 * gap between body chunks), and our own per-request signal (whole request), all under the scan's
 * deadline signal. undici's maxResponseSize is not used: it fails the whole request, where cutting the
 * body at the cap keeps the part that proves a finding.
 */
export class HttpClient {
  readonly exchanges: Exchange[] = [];
  readonly tls = new Map<string, TlsObservation>();
  /** Bare TLS handshakes (protocol-version probes), recorded like exchanges. */
  readonly handshakes: HandshakeRecord[] = [];
  private sent = 0;
  private budgetHit = false;
  private closed = false;
  private headerFloods = 0;
  private readonly agent: Agent;
  private readonly hosts = new Map<string, Semaphore>();
  private readonly bodyPool: BodyPool;
  private readonly options: HttpClientOptions;

  constructor(options: HttpClientOptions) {
    this.options = options;
    this.bodyPool = new BodyPool(options.limits.maxTotalBodyBytes);
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
      bodyTimeout: options.limits.bodyIdleTimeoutMs,
      connections: options.limits.perHostConcurrency,
      // A flood of headers is refused by the parser rather than buffered without end.
      maxHeaderSize: options.limits.maxHeaderBytes,
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

  /** True once the scan-wide body allowance was spent and later bodies were cut short. */
  get bodyAllowanceExhausted(): boolean {
    return this.bodyPool.exhausted;
  }

  /** How many responses carried more than MAX_HEADER_LINES headers (the rest were dropped). */
  get responsesWithHeadersDropped(): number {
    return this.headerFloods;
  }

  /** Closes every connection, aborting what is still in flight; later sends are refused. */
  async close(): Promise<void> {
    this.closed = true;
    await this.agent.destroy().catch(() => undefined);
  }

  /**
   * One bare TLS handshake to `origin` with a single protocol version offered. It is not an HTTP request,
   * but it obeys the same rules: the port policy, the deadline, the budget (one unit), the per-host slots,
   * and the connector's resolution (pins, guard); and it is recorded in `handshakes`. Never throws.
   */
  async handshake(req: HandshakeRequest): Promise<HandshakeRecord> {
    const startedAt = new Date();
    const started = performance.now();
    const record = (result: HandshakeResult) => {
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
    };
    const refuse = (code: ExchangeError["code"], message: string) =>
      record({ outcome: "failed", error: { code, message } });
    const url = URL.parse(req.origin);
    if (url?.protocol !== "https:") return refuse("other", `not an https origin: ${req.origin}`);
    if (this.options.guard && url.port && !this.options.allowNonDefaultPorts) {
      return refuse("blocked-address", `port ${url.port} is not a default web port`);
    }
    if (this.options.deadline.aborted || this.closed) return refuse("deadline", "the scan deadline passed");
    if (this.sent >= this.options.limits.budget) {
      this.budgetHit = true;
      return refuse("budget", `request budget of ${this.options.limits.budget} used up`);
    }
    this.sent++;
    let release: () => void;
    try {
      release = await this.hostSemaphore(url.host).acquire(this.options.deadline);
    } catch {
      this.sent--;
      return refuse("deadline", "the scan deadline passed");
    }
    try {
      return record(
        await attemptHandshake(url, req.version, {
          overrides: this.options.overrides ?? [],
          guard: this.options.guard ?? null,
          ...(this.options.lookup ? { lookup: this.options.lookup } : {}),
          timeoutMs: this.options.limits.connectTimeoutMs,
          signal: this.options.deadline,
        }),
      );
    } finally {
      release();
    }
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
      next.hash = "";
      if (++hops > this.options.limits.maxRedirects) {
        return this.record(
          { ...req, url: next.href },
          {
            code: "too-many-redirects",
            message: `more than ${this.options.limits.maxRedirects} redirects`,
          },
          exchange.id,
        );
      }
      // As browsers do: 303 always, and 301/302 after a POST, become a GET without a body.
      const status = exchange.response.status;
      const toGet =
        (status === 303 && req.method !== "HEAD") ||
        ((status === 301 || status === 302) && req.method === "POST");
      const { body: _body, ...rest } = req;
      exchange = await this.sendOne(
        toGet ? { ...rest, method: "GET", url: next.href } : { ...req, url: next.href },
        exchange.id,
      );
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
    if (this.options.deadline.aborted || this.closed) {
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
    // Reserved before waiting for a slot, so waiters cannot all pass the budget check at once.
    this.sent++;

    let release: () => void;
    try {
      release = await this.hostSemaphore(url.host).acquire(this.options.deadline);
    } catch {
      this.sent--;
      return this.record(req, { code: "deadline", message: "the scan deadline passed" }, redirectedFrom);
    }
    try {
      return await this.transfer(req, url, redirectedFrom);
    } finally {
      release();
    }
  }

  private async transfer(req: SendRequest, url: URL, redirectedFrom: number | undefined): Promise<Exchange> {
    const { sent: headers, recorded: recordedHeaders } = this.requestHeaders(req, url);
    const recordedRequest = {
      method: req.method,
      url: url.href,
      headers: recordedHeaders,
      ...bodyOf(req),
    };
    const limits = this.options.limits;
    const cap = req.maxBodyBytes ?? limits.maxBodyBytes;
    const pools = req.bodyPool ? [this.bodyPool, req.bodyPool] : [this.bodyPool];
    // How many body bytes this response may keep, given what it already holds and what the pools have left.
    const allowance = (kept: number) =>
      Math.min(cap, Math.max(limits.minBodyBytes, kept + Math.min(...pools.map((pool) => pool.remaining))));
    const take = (bytes: number) => pools.forEach((pool) => pool.take(bytes));
    const timeout = AbortSignal.timeout(limits.requestTimeoutMs);
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
      try {
        // The raw cap is the decoded cap: compressed bodies rarely exceed it, and bombs are cut on decode.
        for await (const chunk of response.body as AsyncIterable<Buffer>) {
          const room = allowance(wireBytes) - wireBytes;
          if (chunk.length > room) {
            raw.push(chunk.subarray(0, room));
            take(room);
            wireBytes += room;
            truncated = "size";
            break;
          }
          raw.push(chunk);
          take(chunk.length);
          wireBytes += chunk.length;
        }
      } catch (error) {
        truncated =
          this.options.deadline.aborted || timeout.aborted || error instanceof undiciErrors.BodyTimeoutError
            ? "time"
            : "aborted";
      } finally {
        // Cutting a body closes its connection (it cannot be reused mid-body). A body read to its end is
        // left alone: destroying it too would race undici's completion and cost the kept-alive connection.
        if (truncated) response.body.destroy();
      }
      const { list: responseHeaders, dropped } = flattenHeaders(response.headers);
      if (dropped > 0) this.headerFloods++;
      const encoding = headerValue(responseHeaders, "content-encoding") ?? "";
      const decodeCap = allowance(wireBytes);
      const decoded = await decodeBody(Buffer.concat(raw, wireBytes), encoding, decodeCap);
      if (decoded.body.length > wireBytes) take(decoded.body.length - wireBytes);
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
      return this.push({ request: recordedRequest, response: recorded, req, startedAt, redirectedFrom });
    } catch (error) {
      return this.push({
        request: recordedRequest,
        error: classifyError(error, {
          deadline: this.options.deadline.aborted || this.closed,
          timedOut: timeout.aborted,
          maxHeaderBytes: limits.maxHeaderBytes,
        }),
        req,
        startedAt,
        redirectedFrom,
      });
    }
  }

  /**
   * The headers to send, and the same headers as recorded: the user's credentials go only where
   * `sendCredentialsTo` allows, and never into a record (a report or a log must not leak a session).
   */
  private requestHeaders(req: SendRequest, url: URL): { sent: HeaderPair[]; recorded: HeaderPair[] } {
    const sent = new Map<string, string>();
    const recorded = new Map<string, string>();
    const set = (name: string, value: string, shown = value) => {
      sent.set(name.toLowerCase(), value);
      recorded.set(name.toLowerCase(), shown);
    };
    set("user-agent", this.options.userAgent ?? USER_AGENT);
    set("accept", "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8");
    set("accept-encoding", "gzip, deflate, br");
    if (this.options.sendCredentialsTo?.(url) ?? false) {
      for (const [name, value] of this.options.credentials ?? []) set(name, value, REDACTED);
    }
    for (const [rawName, value] of Object.entries(req.headers ?? {})) {
      const name = rawName.toLowerCase();
      const existing = sent.get(name);
      // A probe's own cookie is added to the user's, not put in its place; only the user's part is hidden.
      if (name === "cookie" && existing !== undefined) {
        set(name, `${existing}; ${value}`, `${recorded.get(name) ?? REDACTED}; ${value}`);
      } else {
        set(name, value, name === "authorization" || name === "proxy-authorization" ? REDACTED : value);
      }
    }
    return { sent: [...sent], recorded: [...recorded] };
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

/**
 * Most header lines kept from one response. The byte cap (maxHeaderBytes) already bounds the block, but
 * 64 KiB of "a:1" lines is 10,000 headers, and every check that reads headers walks them all; real
 * responses carry a few dozen. Later lines are dropped (and the scan says so).
 */
export const MAX_HEADER_LINES = 500;

function flattenHeaders(headers: Record<string, string | string[] | undefined>): {
  list: HeaderList;
  dropped: number;
} {
  const list: HeaderPair[] = [];
  let dropped = 0;
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (list.length < MAX_HEADER_LINES) list.push([name.toLowerCase(), item]);
      else dropped++;
    }
  }
  return { list, dropped };
}
