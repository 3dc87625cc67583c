import type { DnsQueryRecord } from "./dns.ts";
import type { Exchange } from "./exchange.ts";
import type { Target } from "./target.ts";
import type { HandshakeRecord, TlsObservation } from "./transport.ts";

/** A script the page loads: external (src) or inline. */
export interface ScriptRef {
  url?: string;
  inline?: string;
  /** Same registrable domain as the target: fetched and scanned as part of the site. */
  sameSite: boolean;
}

/** A JavaScript file fetched during discovery. */
export interface Bundle {
  url: string;
  exchangeId: number;
}

export type EndpointSource = "page" | "html" | "bundle" | "common";

/** A URL worth probing for CORS and other API behaviour. */
export interface Endpoint {
  url: string;
  source: EndpointSource;
  /** Where it was found (bundle URL), for evidence. */
  foundIn?: string;
}

/** What discovery learned about the site; filled by the discovery probes, read by later probes and checks. */
export interface Discovery {
  /** The exchange of the main document (after redirects), if it answered. */
  pageExchangeId?: number;
  /** The request for the page when it got no answer: the report says why in one sentence. */
  failedPageExchangeId?: number;
  finalUrl?: string;
  scripts: ScriptRef[];
  bundles: Bundle[];
  endpoints: Endpoint[];
  /** Same-site links found in the page (bounded), for probes that visit more than one document. */
  links: string[];
}

export function emptyDiscovery(): Discovery {
  return { scripts: [], bundles: [], endpoints: [], links: [] };
}

/** Everything a check may read. Immutable from the check's point of view. */
export interface Recording {
  target: Target;
  exchanges: readonly Exchange[];
  discovery: Readonly<Discovery>;
  /** TLS handshakes seen, by origin. */
  tls: ReadonlyMap<string, TlsObservation>;
  /**
   * The addresses the user pinned names to (`--resolve`): where the scan itself connected, so never a
   * leak the site made. Absent in recordings built without pins.
   */
  pinnedAddresses?: readonly string[];
  /** Bare TLS handshakes with one protocol version pinned (the tls-versions probe); absent when none ran. */
  handshakes?: readonly HandshakeRecord[];
  /** DNS questions the dns probe asked (records, and zone transfers); absent when none ran. */
  dns?: readonly DnsQueryRecord[];
}
