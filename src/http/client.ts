import type { Exchange, HeaderList, HandshakeRecord, TlsObservation } from "../core/index.ts";
import { AdmissionGate } from "./admission.ts";
import type { AddressGuard } from "./address-policy.ts";
import { attemptHandshake, type HandshakeRequest } from "./handshake.ts";
import { HttpTransport } from "./http-transport.ts";
import type { HttpLimits } from "./limits.ts";
import type { SendRequest } from "./outgoing-request.ts";
import { sendFollowingRedirects } from "./redirects.ts";
import type { ConnectOverride } from "./resolve-override.ts";
import { TrafficLog } from "./traffic-log.ts";

export { DEFAULT_LIMITS, type HttpLimits } from "./limits.ts";
export { REDACTED, USER_AGENT, type SendRequest } from "./outgoing-request.ts";
export { MAX_HEADER_LINES } from "./response-reader.ts";

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

/**
 * The one module that sends bytes. Every request (each redirect hop too) and every bare TLS handshake
 * asks the admission gate first (method, port, deadline, budget, per-host slot); what the gate refuses is
 * recorded with the gate's error, what it admits goes out through the transport (timeouts, size caps),
 * and everything is recorded in the traffic log whatever happens. It never throws for network trouble.
 */
export class HttpClient {
  readonly exchanges: Exchange[];
  readonly tls: Map<string, TlsObservation>;
  /** Bare TLS handshakes (protocol-version probes), recorded like exchanges. */
  readonly handshakes: HandshakeRecord[];
  private readonly gate: AdmissionGate;
  private readonly transport: HttpTransport;
  private readonly log: TrafficLog;
  private readonly options: HttpClientOptions;

  constructor(options: HttpClientOptions) {
    this.options = options;
    this.gate = new AdmissionGate({
      budget: options.limits.budget,
      perHostConcurrency: options.limits.perHostConcurrency,
      deadline: options.deadline,
      // Server mode (a guard is set) names only default ports, unless the operator allowed others.
      defaultPortsOnly: Boolean(options.guard) && !options.allowNonDefaultPorts,
    });
    this.transport = new HttpTransport({
      limits: options.limits,
      deadline: options.deadline,
      stopped: () => this.gate.stopped,
      overrides: options.overrides ?? [],
      guard: options.guard ?? null,
      ...(options.lookup ? { lookup: options.lookup } : {}),
      identity: {
        ...(options.userAgent !== undefined ? { userAgent: options.userAgent } : {}),
        ...(options.credentials ? { credentials: options.credentials } : {}),
        ...(options.sendCredentialsTo ? { sendCredentialsTo: options.sendCredentialsTo } : {}),
      },
    });
    this.log = new TrafficLog(options.onExchange);
    this.exchanges = this.log.exchanges;
    this.handshakes = this.log.handshakes;
    this.tls = this.transport.tls;
  }

  get requestsSent(): number {
    return this.gate.admitted;
  }

  get budgetExhausted(): boolean {
    return this.gate.budgetExhausted;
  }

  get remainingBudget(): number {
    return this.gate.remaining;
  }

  /** True once the scan-wide body allowance was spent and later bodies were cut short. */
  get bodyAllowanceExhausted(): boolean {
    return this.transport.bodyPool.exhausted;
  }

  /** How many responses carried more than MAX_HEADER_LINES headers (the rest were dropped). */
  get responsesWithHeadersDropped(): number {
    return this.transport.responsesWithHeadersDropped;
  }

  /** Closes every connection, aborting what is still in flight; later sends are refused. */
  async close(): Promise<void> {
    this.gate.close();
    await this.transport.destroy();
  }

  /**
   * One bare TLS handshake to `origin` with a single protocol version (and optionally a cipher list) offered. It is not an HTTP request,
   * but it passes the same gate (port policy, deadline, one unit of budget, a per-host slot) and the
   * connector's resolution (pins, guard); and it is recorded in `handshakes`. Never throws.
   */
  async handshake(req: HandshakeRequest): Promise<HandshakeRecord> {
    const startedAt = new Date();
    const started = performance.now();
    const ticket = await this.gate.admit({ kind: "handshake", origin: req.origin });
    if (!ticket.admitted) {
      return this.log.handshake(req, { outcome: "failed", error: ticket.error }, startedAt, started);
    }
    try {
      const result = await attemptHandshake(
        ticket.url,
        req.version,
        {
          overrides: this.options.overrides ?? [],
          guard: this.options.guard ?? null,
          ...(this.options.lookup ? { lookup: this.options.lookup } : {}),
          timeoutMs: this.options.limits.connectTimeoutMs,
          signal: this.options.deadline,
        },
        req.ciphers,
      );
      return this.log.handshake(req, result, startedAt, started);
    } finally {
      ticket.release();
    }
  }

  /** Sends one request (and its redirects when `follow`), returning the final exchange. */
  async send(req: SendRequest): Promise<Exchange> {
    return sendFollowingRedirects(req, {
      maxRedirects: this.options.limits.maxRedirects,
      sendHop: (hop, redirectedFrom) => this.sendHop(hop, redirectedFrom),
      recordUnsent: (hop, error, redirectedFrom) => this.log.unsent(hop, error, redirectedFrom),
    });
  }

  /** One request through the gate: refused and recorded, or admitted, sent and recorded. */
  private async sendHop(req: SendRequest, redirectedFrom: number | undefined): Promise<Exchange> {
    const ticket = await this.gate.admit({
      kind: "request",
      method: req.method,
      url: req.url,
      ...(req.body !== undefined ? { body: req.body } : {}),
    });
    if (!ticket.admitted) return this.log.unsent(req, ticket.error, redirectedFrom);
    try {
      return this.log.exchange(req, await this.transport.transfer(req, ticket.url), redirectedFrom);
    } finally {
      ticket.release();
    }
  }
}
