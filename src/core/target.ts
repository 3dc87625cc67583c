import net from "node:net";
import { getDomain } from "tldts";

/** The normalised thing being scanned. */
export interface Target {
  /** What the user typed. */
  input: string;
  url: string;
  origin: string;
  scheme: "http" | "https";
  hostname: string;
  /** example.co.uk for app.example.co.uk, using the public-suffix list (private suffixes included, so
   *  one Vercel app is not "same site" as another). Null for IP addresses and single-label hosts. */
  registrableDomain: string | null;
}

export class TargetError extends Error {}

/** Accepts "example.com", "https://example.com/path", "localhost:3000"; refuses other schemes. */
export function parseTarget(input: string): Target {
  const trimmed = input.trim();
  if (!trimmed) throw new TargetError("No URL given. Try: amihackable scan https://example.com");
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed);
  let url: URL;
  try {
    url = new URL(hasScheme ? trimmed : `https://${trimmed}`);
  } catch {
    throw new TargetError(`"${trimmed}" is not a URL. Try a full address such as https://example.com`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new TargetError(`Only http:// and https:// URLs can be scanned, not ${url.protocol}//`);
  }
  if (!url.hostname) throw new TargetError(`"${trimmed}" has no host name.`);
  if (url.username || url.password)
    throw new TargetError("Put credentials in --header or --cookie, not in the URL.");
  url.hash = "";
  const hostname = url.hostname.replace(/^\[|\]$/g, "");
  if (!net.isIP(hostname) && !/^[a-z0-9.-]+$/i.test(hostname)) {
    throw new TargetError(`"${url.hostname}" is not a valid host name.`);
  }
  return {
    input: trimmed,
    url: url.href,
    origin: url.origin,
    scheme: url.protocol === "https:" ? "https" : "http",
    hostname,
    registrableDomain: registrableDomainOf(hostname),
  };
}

export function registrableDomainOf(hostname: string): string | null {
  if (net.isIP(hostname)) return null;
  return getDomain(hostname, { allowPrivateDomains: true }) ?? null;
}

/** Same site in the browser's sense: same registrable domain (or the same host when there is none). */
export function isSameSite(target: Target, url: URL): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (target.registrableDomain === null) return host === target.hostname;
  return registrableDomainOf(host) === target.registrableDomain;
}
