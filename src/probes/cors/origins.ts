import { registrableDomainOf } from "../../core/index.ts";

/** Each variant stands for one way an origin check goes wrong; the CORS checks read these names. */
export type OriginVariant =
  | "own"
  | "arbitrary"
  /** An origin the site may trust instead of its own (see trusted-origins.ts). */
  | "candidate"
  | "null"
  | "prefix"
  | "suffix"
  | "unescaped-dot"
  | "subdomain"
  | "third-party"
  | "insecure-scheme"
  | "localhost";

export interface OriginProbe {
  variant: OriginVariant;
  origin: string;
}

/** A domain nobody in the test fixtures or the wild would allowlist on purpose. */
export const ATTACKER_DOMAIN = "amihackable-attacker.com";
const PROBE_LABEL = "amihackable-probe";

/** Development servers whose origins end up in production allowlists: Next.js/CRA/Express, then Vite. */
const LOCALHOST_ORIGINS = ["http://localhost:3000", "http://localhost:5173"];

/**
 * The origins that try an endpoint's CORS policy. The "own" origin is the page's origin: the one a real
 * allowlist contains. Bypass variants are derived from the site's registrable domain, so a check written
 * as `origin.endsWith("example.com")` or an unanchored regex is caught.
 */
export function firstPassOrigins(pageOrigin: string): OriginProbe[] {
  return [
    { variant: "own", origin: pageOrigin },
    { variant: "arbitrary", origin: `https://${ATTACKER_DOMAIN}` },
  ];
}

/**
 * One origin per mistake, each one an attacker could really obtain: a domain they can register, a page
 * on a shared host, a sandboxed frame. Variants that make no sense for the host are left out: there is
 * no look-alike domain to register for an IP address or a single-label name, and a site scanned on
 * localhost trusting localhost is no finding.
 */
export function bypassOrigins(pageOrigin: string, hostingSuffixes: readonly string[]): OriginProbe[] {
  const page = new URL(pageOrigin);
  const host = page.hostname.replace(/^\[|\]$/g, "");
  const scheme = page.protocol;
  // The page's registrable domain (after redirects, which may have left the scanned name).
  const site = registrableDomainOf(host);
  const probes: OriginProbe[] = [{ variant: "null", origin: "null" }];
  // `startsWith("https://app.example.com")` also accepts app.example.com.attacker.com (no such name
  // can extend an IPv6 literal).
  if (!page.hostname.startsWith("[")) {
    probes.push({ variant: "prefix", origin: `${scheme}//${host}.${ATTACKER_DOMAIN}` });
  }
  if (site) {
    // `endsWith("example.com")` also accepts amihackable-probeexample.com, which anyone can register.
    probes.push({ variant: "suffix", origin: `${scheme}//${PROBE_LABEL}${site}` });
    // The dot that separates a label from the registrable domain: "app.example.com" → "appxexample.com",
    // which an attacker can register; a regex that forgot to escape that dot lets it in.
    const label =
      host === site
        ? "www"
        : (host
            .slice(0, -site.length - 1)
            .split(".")
            .pop() ?? "www");
    probes.push({ variant: "unescaped-dot", origin: `${scheme}//${label}x${site}` });
    probes.push({ variant: "subdomain", origin: `${scheme}//${PROBE_LABEL}.${site}` });
  }
  for (const suffix of hostingSuffixes) {
    probes.push({ variant: "third-party", origin: `https://${PROBE_LABEL}.${suffix}` });
  }
  if (scheme === "https:") probes.push({ variant: "insecure-scheme", origin: `http://${page.host}` });
  if (!isLocal(host)) {
    for (const origin of LOCALHOST_ORIGINS) probes.push({ variant: "localhost", origin });
  }
  return probes;
}

export function isLocal(host: string): boolean {
  const name = host.replace(/^\[|\]$/g, "").toLowerCase();
  return name === "localhost" || name.endsWith(".localhost") || name === "::1" || /^127\./.test(name);
}
