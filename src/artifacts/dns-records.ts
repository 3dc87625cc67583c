import {
  bodyText,
  defineProbeArtifact,
  type DnsQueryRecord,
  type DnsQueryType,
  type Exchange,
  type Recording,
} from "../core/index.ts";
import { parseDmarc } from "./dmarc.ts";
import { costsLookup, isSpfRecord, spfReferences, spfTerms } from "./spf.ts";
import { showsUnclaimedPage, takeoverServiceFor, type TakeoverService } from "./takeover-services.ts";

/** The probe that asks the DNS questions, and the label names and values it writes on them. */
export const DNS_PROBE = "dns";
export const DNS_ROLE = {
  /** TXT of the registrable domain (SPF lives there). */
  domainTxt: "domain-txt",
  mx: "mx",
  /** TXT of a domain an SPF record includes or redirects to. */
  spfReference: "spf-reference",
  dmarc: "dmarc",
  /** CAA, walking up from the host to the registrable domain. */
  caa: "caa",
  ns: "ns",
  /** One step of a host's CNAME chain; the `host` label names the host the chain starts at. */
  cname: "cname",
  /** The AXFR asked of one name server. */
  transfer: "zone-transfer",
  /** The HTTP page of a host whose CNAME points at a hosting service (its "nothing here" fingerprint). */
  takeoverPage: "takeover-page",
} as const;
export const HOST_LABEL = "host";

/**
 * What a check can ask the dns probe to cover; with `--only dns.caa-missing` only CAA is asked.
 */
export type DnsRequest = "mail" | "caa" | "takeover" | "zone-transfer";

/** A definite answer: records, none of that type, or no such name. A timeout or SERVFAIL says nothing. */
export function isDefinite(record: DnsQueryRecord | undefined): record is DnsQueryRecord {
  return (
    record?.outcome === "answered" || record?.outcome === "no-data" || record?.outcome === "no-such-name"
  );
}

export interface MailRecords {
  domain: string;
  /** The TXT and MX answers of the domain; undefined when not asked. */
  txt?: DnsQueryRecord;
  mx?: DnsQueryRecord;
  /** Mail exchangers other than the null MX ("0 .", RFC 7505: this domain takes no mail). */
  mailExchangers: string[];
  /** The TXT strings at the domain that are SPF records. */
  spf: string[];
  /** DNS lookups the SPF record costs (RFC 7208 4.6.4), includes counted through as far as they were asked. */
  spfLookups: number;
  dmarc?: DnsQueryRecord;
  /** TXT strings at _dmarc.<domain> that are DMARC records, with their tags. */
  dmarcRecords: Array<{ text: string; tags: Map<string, string> }>;
}

export interface CaaRecords {
  /** Each name asked, from the host up to the registrable domain, in order. */
  asked: DnsQueryRecord[];
  /** The first name with CAA records (RFC 8659 3: the closest one decides). */
  found?: DnsQueryRecord;
}

/** A host whose CNAME chain ends at a hosting service that can be claimed, and what the service showed. */
export interface TakeoverCandidate {
  host: string;
  /** The names the host's CNAME chain went through, in order. */
  chain: string[];
  service: TakeoverService;
  /** The chain's CNAME query that showed the target does not exist (NXDOMAIN sign). */
  missingTarget?: DnsQueryRecord;
  /** The page the host served (body fingerprint sign). */
  page?: Exchange;
  /** The service's sign of an unclaimed resource was seen. */
  unclaimed: boolean;
}

export interface ZoneTransfer {
  zone: string;
  server: string;
  record: DnsQueryRecord;
}

export interface DnsRecords {
  /** The registrable domain the questions were about; null when nothing was asked (no such domain). */
  domain: string | null;
  /** Every question, for evidence. */
  queries: readonly DnsQueryRecord[];
  mail?: MailRecords;
  caa?: CaaRecords;
  nameServers: string[];
  takeovers: TakeoverCandidate[];
  transfers: ZoneTransfer[];
}

/** Bounds the SPF include walk (cycles included): RFC 7208 stops at 10 lookups, so a little past is enough. */
const MAX_SPF_DEPTH = 5;

export const DnsRecords = defineProbeArtifact("dns-records", (recording): DnsRecords => {
  const queries = (recording.dns ?? []).filter((record) => record.probe === DNS_PROBE);
  const domain = recording.target.registrableDomain;
  const records: DnsRecords = { domain: null, queries, nameServers: [], takeovers: [], transfers: [] };
  if (!domain || queries.length === 0) return records;
  records.domain = domain;
  const find = (role: string, name: string, type: DnsQueryType) =>
    queries.find((q) => q.labels.role === role && q.name === name && q.type === type);

  const txt = find(DNS_ROLE.domainTxt, domain, "TXT");
  const mx = find(DNS_ROLE.mx, domain, "MX");
  const dmarc = find(DNS_ROLE.dmarc, `_dmarc.${domain}`, "TXT");
  if (txt || mx || dmarc) records.mail = mailRecords(domain, queries, txt, mx, dmarc);

  const caa = queries.filter((q) => q.labels.role === DNS_ROLE.caa && q.type === "CAA");
  if (caa.length > 0) {
    const found = caa.find((q) => q.outcome === "answered");
    records.caa = { asked: caa, ...(found ? { found } : {}) };
  }

  const ns = find(DNS_ROLE.ns, domain, "NS");
  if (ns?.outcome === "answered") records.nameServers = ns.answers;
  records.transfers = queries
    .filter((q) => q.labels.role === DNS_ROLE.transfer && q.type === "AXFR")
    .map((record) => ({ zone: record.name, server: record.server ?? "", record }));
  records.takeovers = takeoverCandidates(recording, queries);
  return records;
});

function mailRecords(
  domain: string,
  queries: readonly DnsQueryRecord[],
  txt: DnsQueryRecord | undefined,
  mx: DnsQueryRecord | undefined,
  dmarc: DnsQueryRecord | undefined,
): MailRecords {
  const spf = txt?.outcome === "answered" ? txt.answers.filter(isSpfRecord) : [];
  const references = new Map<string, string[]>();
  for (const q of queries) {
    if (q.labels.role === DNS_ROLE.spfReference && q.type === "TXT" && q.outcome === "answered")
      references.set(q.name, q.answers.filter(isSpfRecord));
  }
  const dmarcRecords = (dmarc?.outcome === "answered" ? dmarc.answers : []).flatMap((text) => {
    const tags = parseDmarc(text);
    return tags ? [{ text, tags }] : [];
  });
  return {
    domain,
    ...(txt ? { txt } : {}),
    ...(mx ? { mx } : {}),
    mailExchangers: (mx?.outcome === "answered" ? mx.answers : [])
      .map((answer) => answer.split(" ")[1] ?? "")
      .filter((exchange) => exchange !== "" && exchange !== "."),
    spf,
    spfLookups: spf.length === 1 ? lookupCount(spf[0]!, references, new Set([domain]), 0) : 0,
    ...(dmarc ? { dmarc } : {}),
    dmarcRecords,
  };
}

/**
 * The lookups one SPF record costs: one per include/a/mx/ptr/exists/redirect, plus what each included
 * or redirected-to record costs in turn (RFC 7208 4.6.4). A reference that was not asked (the probe's
 * bound) or has no SPF record adds nothing more, so the count is a lower bound: over 10 is certain.
 */
function lookupCount(
  record: string,
  references: ReadonlyMap<string, string[]>,
  seen: Set<string>,
  depth: number,
): number {
  let count = spfTerms(record).filter(costsLookup).length;
  if (depth >= MAX_SPF_DEPTH) return count;
  for (const reference of spfReferences(record)) {
    if (seen.has(reference)) continue;
    seen.add(reference);
    const included = references.get(reference);
    if (included?.length === 1) count += lookupCount(included[0]!, references, seen, depth + 1);
  }
  return count;
}

function takeoverCandidates(recording: Recording, queries: readonly DnsQueryRecord[]): TakeoverCandidate[] {
  const chains = new Map<string, DnsQueryRecord[]>();
  for (const q of queries) {
    const host = q.labels[HOST_LABEL];
    if (q.labels.role !== DNS_ROLE.cname || q.type !== "CNAME" || !host) continue;
    chains.set(host, [...(chains.get(host) ?? []), q]);
  }
  const candidates: TakeoverCandidate[] = [];
  for (const [host, steps] of chains) {
    const chain = steps.filter((step) => step.outcome === "answered").map((step) => step.answers[0] ?? "");
    const service = chain.map(takeoverServiceFor).find(Boolean);
    if (!service) continue;
    const candidate: TakeoverCandidate = { host, chain, service, unclaimed: false };
    if (service.sign.kind === "nxdomain") {
      // The chain was followed to its end: the last question asked about the last target's own CNAME.
      const last = steps.at(-1);
      if (last && last.outcome === "no-such-name" && last.name === chain.at(-1)) {
        candidate.missingTarget = last;
        candidate.unclaimed = true;
      }
    } else {
      const page = recording.exchanges.find(
        (exchange) =>
          exchange.probe === DNS_PROBE &&
          exchange.labels.role === DNS_ROLE.takeoverPage &&
          exchange.labels[HOST_LABEL] === host &&
          exchange.response,
      );
      if (page) {
        candidate.page = page;
        candidate.unclaimed = showsUnclaimedPage(service, bodyText(page.response));
      }
    }
    candidates.push(candidate);
  }
  return candidates;
}
