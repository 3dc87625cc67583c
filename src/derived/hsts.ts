import net from "node:net";
import type { Artifacts } from "../core/artifacts.ts";
import { headerValues } from "../core/headers.ts";
import { htmlDocuments, type HtmlDocument } from "./documents.ts";
import { memoView } from "./memo.ts";

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
}

/**
 * One entry per https origin that served an HTML document. Hosts that are IP addresses are skipped: browsers
 * ignore HSTS for them (RFC 6797 §8.1).
 */
export const hostHsts = memoView((artifacts: Artifacts): HostHsts[] => {
  const byOrigin = new Map<string, HostHsts>();
  for (const document of htmlDocuments(artifacts)) {
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
  return [...byOrigin.values()];
});
