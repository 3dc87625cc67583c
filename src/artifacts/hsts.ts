import net from "node:net";
import { type Recording, type Exchange, headerValues, defineProbeArtifact } from "../core/index.ts";
import { documentExchanges, HtmlDocuments, type HtmlDocument } from "./documents.ts";

/** 180 days: the least the HSTS preload list and most guidance accept. */
export const HSTS_MIN_MAX_AGE = 15_552_000;

/** Strict-Transport-Security as a browser reads it (RFC 6797 §6.1). */
export interface Hsts {
  /** The header as sent (first field only: browsers ignore the others). */
  raw: string;
  /** Why browsers ignore the header, if they do. */
  invalid?: string;
  maxAge?: number;
  includeSubDomains: boolean;
  preload: boolean;
}

export function parseHsts(raw: string): Hsts {
  const hsts: Hsts = { raw, includeSubDomains: false, preload: false };
  const seen = new Set<string>();
  for (const part of raw.split(";")) {
    const directive = part.trim();
    if (directive === "") continue;
    const [rawName = "", ...rest] = directive.split("=");
    const name = rawName.trim().toLowerCase();
    const value = rest
      .join("=")
      .trim()
      .replace(/^"(.*)"$/, "$1");
    if (seen.has(name)) return { ...hsts, invalid: `the ${name} directive appears twice` };
    seen.add(name);
    if (name === "max-age") {
      if (!/^\d+$/.test(value)) return { ...hsts, invalid: `max-age "${value}" is not a number of seconds` };
      hsts.maxAge = Number(value);
    } else if (name === "includesubdomains") hsts.includeSubDomains = true;
    else if (name === "preload") hsts.preload = true;
  }
  if (hsts.maxAge === undefined) return { ...hsts, invalid: "it has no max-age" };
  return hsts;
}

/** What HSTS one https host ends up with, judged over its HTML documents. */
export interface HostHsts {
  origin: string;
  documents: HtmlDocument[];
  /** The strongest valid policy any document sent (a browser keeps the one it saw last; one is enough). */
  best?: { document: HtmlDocument; hsts: Hsts };
  /** The first header sent that browsers ignore, if any. */
  invalid?: { document: HtmlDocument; hsts: Hsts };
  /**
   * A valid policy a browser already received on the way to these documents: an https redirect hop of the
   * same host, or of a parent domain with includeSubDomains (https://example.com 308 -> https://www.example.com,
   * the apex sending `max-age=63072000; includeSubDomains; preload`). Browsers honour HSTS on redirects.
   */
  coveredBy?: { url: string; hsts: Hsts };
}

/**
 * One entry per https origin that served an HTML document. Hosts that are IP addresses are skipped: browsers
 * ignore HSTS for them (RFC 6797 §8.1).
 */
export const HostHstsPolicies = defineProbeArtifact("host-hsts", (artifacts: Recording): HostHsts[] => {
  const byOrigin = new Map<string, HostHsts>();
  for (const document of HtmlDocuments.of(artifacts)) {
    if (!document.https || net.isIP(document.hostname)) continue;
    let host = byOrigin.get(document.origin);
    if (!host) {
      host = { origin: document.origin, documents: [] };
      byOrigin.set(document.origin, host);
    }
    host.documents.push(document);
    const raw = headerValues(document.headers, "strict-transport-security")[0];
    if (raw === undefined) continue;
    const hsts = parseHsts(raw);
    if (hsts.invalid) host.invalid ??= { document, hsts };
    else if (!host.best || (hsts.maxAge ?? 0) > (host.best.hsts.maxAge ?? 0)) host.best = { document, hsts };
  }
  const hops = redirectHops(artifacts);
  for (const host of byOrigin.values()) {
    const hostname = host.documents[0]?.hostname ?? "";
    for (const hop of hops) {
      const covers =
        hop.hostname === hostname || (hop.hsts.includeSubDomains && hostname.endsWith(`.${hop.hostname}`));
      if (covers) {
        host.coveredBy = { url: hop.url, hsts: hop.hsts };
        break;
      }
    }
  }
  return [...byOrigin.values()];
});

/** Valid, non-zero HSTS policies sent by the https redirect responses that led to the scan's documents. */
function redirectHops(artifacts: Recording): Array<{ url: string; hostname: string; hsts: Hsts }> {
  const byId = new Map(artifacts.exchanges.map((exchange) => [exchange.id, exchange]));
  const hops: Array<{ url: string; hostname: string; hsts: Hsts }> = [];
  const seen = new Set<number>();
  for (const document of documentExchanges(artifacts)) {
    let hop: Exchange | undefined =
      document.redirectedFrom === undefined ? undefined : byId.get(document.redirectedFrom);
    for (let depth = 0; hop && depth < 20 && !seen.has(hop.id); depth++) {
      seen.add(hop.id);
      const url = new URL(hop.request.url);
      const raw = hop.response
        ? headerValues(hop.response.headers, "strict-transport-security")[0]
        : undefined;
      const hostname = url.hostname.replace(/^\[|\]$/g, "");
      if (url.protocol === "https:" && raw !== undefined && !net.isIP(hostname)) {
        const hsts = parseHsts(raw);
        if (!hsts.invalid && (hsts.maxAge ?? 0) > 0) hops.push({ url: url.href, hostname, hsts });
      }
      hop = hop.redirectedFrom === undefined ? undefined : byId.get(hop.redirectedFrom);
    }
  }
  return hops;
}
