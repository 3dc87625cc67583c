import { Resolver } from "node:dns/promises";
import type { CaaRecord, MxRecord } from "node:dns";
import type { DnsOutcome, DnsQueryRecord, DnsQueryType, Labels } from "../core/index.ts";
import type { AddressGuard } from "./address-policy.ts";
import { formatDnsServer, type DnsServerAddress } from "./dns-server-address.ts";
import type { ConnectOverride } from "./resolve-override.ts";
import { isSpecialUseName } from "./special-use-names.ts";
import { transferZone } from "./zone-transfer.ts";

export interface DnsClientOptions {
  /** Every question goes here (`--dns-server`); null: the system's resolvers (/etc/resolv.conf). */
  server: DnsServerAddress | null;
  deadline: AbortSignal;
  /** Per question (one retry included). */
  timeoutMs: number;
  /** Most questions (zone transfers included) one scan may ask. */
  maxQueries: number;
  /** For the TCP connections of zone transfers: the user's pins and the SSRF guard (server mode). */
  overrides: readonly ConnectOverride[];
  guard: AddressGuard | null;
}

/** What a probe says about the question it asks, as for an HTTP request. */
export interface DnsAsk {
  probe: string;
  labels?: Labels;
}

/** Zone transfers read at most this much: a few hundred records show the zone is handed out. */
const MAX_TRANSFER_BYTES = 256 * 1024;
const MAX_TRANSFER_NAMES = 10;

/** c-ares error codes (node:dns) and what they say about the name. */
const OUTCOME_OF_CODE: Record<string, DnsOutcome> = {
  ENODATA: "no-data",
  ENOTFOUND: "no-such-name",
  EREFUSED: "refused",
};

/**
 * The scanner's one DNS door, beside the HTTP client: record questions (TXT, MX, CAA, NS, CNAME, A, AAAA)
 * through node:dns's Resolver, zone transfers over TCP, and the address lookups connections use when
 * `--dns-server` names a server. Every question is counted against the scan's allowance, stops at the
 * deadline, and is recorded; nothing throws for network trouble. Without a server, names under
 * special-use domains (RFC 6761: .test, .example, .invalid, .localhost, ...) are never asked: the public
 * DNS has nothing to say about them, and a test that forgot its DNS server cannot leak a question.
 */
export class DnsClient {
  readonly records: DnsQueryRecord[] = [];
  private readonly resolver: Resolver;
  private readonly options: DnsClientOptions;
  private sent = 0;

  constructor(options: DnsClientOptions) {
    this.options = options;
    this.resolver = new Resolver({ timeout: Math.max(1, Math.floor(options.timeoutMs / 2)), tries: 2 });
    if (options.server) this.resolver.setServers([formatDnsServer(options.server)]);
    options.deadline.addEventListener("abort", () => this.resolver.cancel(), { once: true });
  }

  /** Questions that left (zone transfers included). */
  get queriesSent(): number {
    return this.sent;
  }

  /** A and AAAA of `host` from the configured server, IPv4 first: what connections use under --dns-server. */
  readonly addresses = async (host: string): Promise<string[]> => {
    // RFC 6761 6.3: localhost names are loopback, whatever a DNS server would say (the guard still applies).
    if (/(^|\.)localhost\.?$/i.test(host)) return ["127.0.0.1", "::1"];
    const [v4, v6] = await Promise.allSettled([this.resolver.resolve4(host), this.resolver.resolve6(host)]);
    const found = [
      ...(v4.status === "fulfilled" ? v4.value : []),
      ...(v6.status === "fulfilled" ? v6.value : []),
    ];
    if (found.length > 0) return found;
    const reason = v4.status === "rejected" ? (v4.reason as Error & { code?: string }) : undefined;
    throw Object.assign(new Error(`no address for ${host}`), { code: reason?.code ?? "ENOTFOUND" });
  };

  /** Asks one question and records it. Never throws. */
  async query(name: string, type: Exclude<DnsQueryType, "AXFR">, ask: DnsAsk): Promise<DnsQueryRecord> {
    const startedAt = new Date();
    const started = performance.now();
    const refusal = this.refusal(name);
    if (refusal)
      return this.record(
        ask,
        name,
        type,
        { outcome: "failed", answers: [], error: refusal },
        startedAt,
        started,
      );
    this.sent++;
    try {
      const answers = await this.ask(name, type);
      const outcome: DnsOutcome = answers.length > 0 ? "answered" : "no-data";
      return this.record(ask, name, type, { outcome, answers }, startedAt, started);
    } catch (error) {
      const code = (error as { code?: string }).code ?? "";
      const outcome = OUTCOME_OF_CODE[code] ?? "failed";
      const message = this.options.deadline.aborted ? "the scan deadline passed" : code || String(error);
      return this.record(ask, name, type, { outcome, answers: [], error: message }, startedAt, started);
    }
  }

  /** Asks `nameServer` to hand over `zone` (AXFR over TCP, through pins and the guard) and records it. */
  async transfer(zone: string, nameServer: string, ask: DnsAsk): Promise<DnsQueryRecord> {
    const startedAt = new Date();
    const started = performance.now();
    const refusal = this.refusal(zone) ?? this.refusal(nameServer);
    if (refusal)
      return this.record(
        ask,
        zone,
        "AXFR",
        { outcome: "failed", answers: [], server: nameServer, error: refusal },
        startedAt,
        started,
      );
    this.sent++;
    const result = await transferZone(zone, nameServer, {
      overrides: this.options.overrides,
      guard: this.options.guard,
      // The name server's own address comes from the same resolver as every other name of the scan.
      ...(this.options.server ? { lookup: this.addresses } : {}),
      timeoutMs: this.options.timeoutMs,
      signal: this.options.deadline,
      maxBytes: MAX_TRANSFER_BYTES,
      maxNames: MAX_TRANSFER_NAMES,
    });
    return this.record(
      ask,
      zone,
      "AXFR",
      {
        outcome: result.outcome,
        answers: result.names,
        server: nameServer,
        transferred: result.transferred,
        ...(result.error ? { error: result.error } : {}),
      },
      startedAt,
      started,
    );
  }

  /** Why a question may not leave, or null. */
  private refusal(name: string): string | null {
    if (this.options.deadline.aborted) return "the scan deadline passed";
    if (this.sent >= this.options.maxQueries)
      return `DNS allowance of ${this.options.maxQueries} questions used up`;
    if (!this.options.server && isSpecialUseName(name))
      return "a special-use name (RFC 6761) is not asked of the public DNS";
    return null;
  }

  private async ask(name: string, type: Exclude<DnsQueryType, "AXFR">): Promise<string[]> {
    const r = this.resolver;
    switch (type) {
      case "A":
        return r.resolve4(name);
      case "AAAA":
        return r.resolve6(name);
      case "CNAME":
        return lower(await r.resolveCname(name));
      case "NS":
        return lower(await r.resolveNs(name));
      case "TXT":
        // A TXT record may be split into strings of 255 bytes; SPF and DMARC read them joined (RFC 7208 3.3).
        return (await r.resolveTxt(name)).map((parts) => parts.join(""));
      case "MX":
        return (await r.resolveMx(name)).map((mx: MxRecord) => `${mx.priority} ${mx.exchange.toLowerCase()}`);
      case "CAA":
        return (await r.resolveCaa(name)).map(caaText);
    }
  }

  private record(
    ask: DnsAsk,
    name: string,
    type: DnsQueryType,
    result: Pick<DnsQueryRecord, "outcome" | "answers" | "server" | "transferred" | "error">,
    startedAt: Date,
    started: number,
  ): DnsQueryRecord {
    const record: DnsQueryRecord = {
      id: this.records.length + 1,
      probe: ask.probe,
      labels: ask.labels ?? {},
      name: name.toLowerCase().replace(/\.$/, ""),
      type,
      ...result,
      startedAt: startedAt.toISOString(),
      elapsedMs: Math.round(performance.now() - started),
    };
    this.records.push(record);
    return record;
  }
}

function lower(names: string[]): string[] {
  return names.map((name) => name.toLowerCase().replace(/\.$/, ""));
}

/** "0 issue letsencrypt.org", the zone-file form. */
function caaText(record: CaaRecord): string {
  const flags = record.critical ?? 0;
  for (const tag of ["issue", "issuewild", "iodef", "contactemail", "contactphone"] as const) {
    const value = record[tag];
    if (value !== undefined) return `${flags} ${tag} ${value}`;
  }
  return `${flags} unknown`;
}
