import { Agent, request } from "undici";
import type { TlsObservation } from "../core/index.ts";
import type { AddressGuard } from "./address-policy.ts";
import { BodyPool } from "./body-pool.ts";
import { createConnector } from "./connector.ts";
import { classifyError } from "./error-class.ts";
import type { HttpLimits } from "./limits.ts";
import { bodyOf, requestHeaders, type RequestIdentity, type SendRequest } from "./outgoing-request.ts";
import type { ConnectOverride } from "./resolve-override.ts";
import { readResponse } from "./response-reader.ts";
import type { ExchangeParts } from "./traffic-log.ts";

export interface TransportOptions {
  limits: HttpLimits;
  deadline: AbortSignal;
  /** True once the deadline passed or the client closed: a failure then is the deadline's doing. */
  stopped: () => boolean;
  overrides: readonly ConnectOverride[];
  guard: AddressGuard | null;
  lookup?: (host: string) => Promise<string[]>;
  identity: RequestIdentity;
}

/**
 * Puts one admitted request on the wire and brings back what happened, never throwing for network
 * trouble. It owns the undici agent (whose connector resolves, guards and pins every socket) and the
 * scan-wide body pool, and it keeps the first TLS observation per origin.
 *
 * Time is bounded three ways: undici's headersTimeout (to the end of the headers) and bodyTimeout (idle
 * gap between body chunks), and our own per-request signal (whole request), all under the scan's
 * deadline signal. undici's maxResponseSize is not used: it fails the whole request, where cutting the
 * body at the cap keeps the part that proves a finding.
 */
export class HttpTransport {
  readonly tls = new Map<string, TlsObservation>();
  readonly bodyPool: BodyPool;
  private headerFloods = 0;
  private readonly agent: Agent;
  private readonly options: TransportOptions;

  constructor(options: TransportOptions) {
    this.options = options;
    this.bodyPool = new BodyPool(options.limits.maxTotalBodyBytes);
    this.agent = new Agent({
      connect: createConnector({
        connectTimeoutMs: options.limits.connectTimeoutMs,
        overrides: options.overrides,
        guard: options.guard,
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

  /** How many responses carried more than MAX_HEADER_LINES headers (the rest were dropped). */
  get responsesWithHeadersDropped(): number {
    return this.headerFloods;
  }

  /** Closes every connection, aborting what is still in flight. */
  async destroy(): Promise<void> {
    await this.agent.destroy().catch(() => undefined);
  }

  /** Sends `req` to `url` (already admitted by the gate) and returns the exchange's parts. */
  async transfer(req: SendRequest, url: URL): Promise<ExchangeParts> {
    const { sent: headers, recorded: recordedHeaders } = requestHeaders(req, url, this.options.identity);
    const recordedRequest = { method: req.method, url: url.href, headers: recordedHeaders, ...bodyOf(req) };
    const limits = this.options.limits;
    const timeout = AbortSignal.timeout(Math.min(limits.requestTimeoutMs, req.timeoutMs ?? Infinity));
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
      const read = await readResponse(
        response,
        {
          cap: req.maxBodyBytes ?? limits.maxBodyBytes,
          floor: limits.minBodyBytes,
          pools: req.bodyPool ? [this.bodyPool, req.bodyPool] : [this.bodyPool],
        },
        () => this.options.deadline.aborted || timeout.aborted,
        started,
      );
      if (read.headersDropped > 0) this.headerFloods++;
      const recorded = read.response;
      const tls = this.tls.get(url.origin);
      if (tls) {
        recorded.tls = {
          protocol: tls.protocol,
          cipher: tls.cipher,
          authorized: tls.authorized,
          ...(tls.authorizationError ? { authorizationError: tls.authorizationError } : {}),
        };
      }
      return { request: recordedRequest, response: recorded, startedAt };
    } catch (error) {
      return {
        request: recordedRequest,
        error: classifyError(error, {
          deadline: this.options.stopped(),
          timedOut: timeout.aborted,
          maxHeaderBytes: limits.maxHeaderBytes,
        }),
        startedAt,
      };
    }
  }
}
