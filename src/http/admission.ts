import type { ExchangeErrorCode, Method } from "../core/index.ts";
import { methodRefusal } from "./method-policy.ts";
import { Semaphore } from "./semaphore.ts";

/**
 * One unit of outgoing traffic asking to leave: an HTTP request (one hop of a redirect chain is one
 * request), or a bare TLS handshake (no method, https only).
 */
export type OutgoingUnit =
  { kind: "request"; method: Method; url: string; body?: string } | { kind: "handshake"; origin: string };

/** The codes a refusal at the door can carry; the caller records it as the exchange's or handshake's error. */
export type RefusalCode = Extract<
  ExchangeErrorCode,
  "other" | "blocked-method" | "blocked-address" | "deadline" | "budget"
>;

export interface Refusal {
  admitted: false;
  error: { code: RefusalCode; message: string };
}

/**
 * Leave to send: one unit of budget is spent and one of the host's slots is held until `release()`
 * (which works once). The caller must release in a `finally`, whatever the traffic did.
 */
export interface Ticket {
  admitted: true;
  url: URL;
  release: () => void;
}

export interface AdmissionOptions {
  /** Most units one scan may send. */
  budget: number;
  perHostConcurrency: number;
  /** The scan's deadline: past it, nothing more leaves, and waiters for a slot give up. */
  deadline: AbortSignal;
  /** Server mode: only the scheme's default port may be named in a URL. */
  defaultPortsOnly: boolean;
}

/**
 * The one admission gate: every unit of traffic the scanner sends (each request, each redirect hop,
 * each bare TLS handshake) asks here first, and nothing else decides whether bytes may leave. The rules,
 * in order: the URL parses and its scheme is one we speak; the method is read-only (requests); the port
 * is a default one (server mode); the deadline has not passed and the client is open; a unit of budget is
 * left (reserved before waiting for a slot, so waiters cannot all pass the check at once); and a slot
 * for the host is free (waiting for one ends at the deadline, giving the reserved unit back).
 */
export class AdmissionGate {
  private sent = 0;
  private budgetHit = false;
  private closed = false;
  private readonly hosts = new Map<string, Semaphore>();
  private readonly options: AdmissionOptions;

  constructor(options: AdmissionOptions) {
    this.options = options;
  }

  /** Units admitted (and not given back): requests and handshakes that left or are leaving. */
  get admitted(): number {
    return this.sent;
  }

  get remaining(): number {
    return Math.max(0, this.options.budget - this.sent);
  }

  /** True once a unit was refused because the budget was spent. */
  get budgetExhausted(): boolean {
    return this.budgetHit;
  }

  /** The deadline passed or the gate was closed: traffic in flight is being cut short. */
  get stopped(): boolean {
    return this.options.deadline.aborted || this.closed;
  }

  /** Refuses every later unit (the client is closing). */
  close(): void {
    this.closed = true;
  }

  async admit(unit: OutgoingUnit): Promise<Ticket | Refusal> {
    const checked = this.check(unit);
    if (!(checked instanceof URL)) return checked;
    // Reserved before waiting for a slot, so waiters cannot all pass the budget check at once.
    this.sent++;
    try {
      const release = await this.hostSemaphore(checked.host).acquire(this.options.deadline);
      return { admitted: true, url: checked, release };
    } catch {
      this.sent--;
      return refuse("deadline", "the scan deadline passed");
    }
  }

  /** Every rule that needs no waiting; returns the parsed URL when the unit may go on to wait for a slot. */
  private check(unit: OutgoingUnit): URL | Refusal {
    const url = unit.kind === "request" ? URL.parse(unit.url) : URL.parse(unit.origin);
    if (unit.kind === "request") {
      if (!url) return refuse("other", `not a URL: ${unit.url}`);
      const refusal = methodRefusal(unit.method, url, unit.body);
      if (refusal) return refuse("blocked-method", refusal);
      if (url.protocol !== "http:" && url.protocol !== "https:") {
        return refuse("other", `unsupported scheme ${url.protocol}`);
      }
    } else if (url?.protocol !== "https:") {
      return refuse("other", `not an https origin: ${unit.origin}`);
    }
    if (this.options.defaultPortsOnly && url.port) {
      return refuse("blocked-address", `port ${url.port} is not a default web port`);
    }
    if (this.stopped) return refuse("deadline", "the scan deadline passed");
    if (this.sent >= this.options.budget) {
      this.budgetHit = true;
      return refuse("budget", `request budget of ${this.options.budget} used up`);
    }
    return url;
  }

  private hostSemaphore(host: string): Semaphore {
    let semaphore = this.hosts.get(host);
    if (!semaphore) {
      semaphore = new Semaphore(this.options.perHostConcurrency);
      this.hosts.set(host, semaphore);
    }
    return semaphore;
  }
}

function refuse(code: RefusalCode, message: string): Refusal {
  return { admitted: false, error: { code, message } };
}
