import type { Target } from "../../core/target.ts";

/** Each variant stands for one way an origin check goes wrong; the CORS checks read these names. */
export type OriginVariant =
  | "own"
  | "arbitrary"
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

/** Shared hosting suffixes where anyone can get a subdomain in minutes. */
export const THIRD_PARTY_SUFFIXES = [
  "vercel.app",
  "netlify.app",
  "github.io",
  "pages.dev",
  "herokuapp.com",
  "onrender.com",
  "web.app",
  "workers.dev",
] as const;

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

export function bypassOrigins(target: Target, pageOrigin: string): OriginProbe[] {
  const page = new URL(pageOrigin);
  const host = page.hostname;
  const site = target.registrableDomain ?? host;
  const scheme = page.protocol;
  const probes: OriginProbe[] = [
    { variant: "null", origin: "null" },
    { variant: "prefix", origin: `${scheme}//${host}.${ATTACKER_DOMAIN}` },
    { variant: "suffix", origin: `${scheme}//${PROBE_LABEL}${site}` },
  ];
  if (target.registrableDomain) {
    // The dot that separates a label from the registrable domain: "app.example.com" → "appxexample.com",
    // which an attacker can register; a regex that forgot to escape that dot lets it in.
    const label =
      host === site
        ? "www"
        : (host
            .slice(0, host.length - site.length - 1)
            .split(".")
            .pop() ?? "www");
    probes.push({ variant: "unescaped-dot", origin: `${scheme}//${label}x${site}` });
    probes.push({ variant: "subdomain", origin: `${scheme}//${PROBE_LABEL}.${site}` });
  }
  for (const suffix of THIRD_PARTY_SUFFIXES) {
    probes.push({ variant: "third-party", origin: `https://${PROBE_LABEL}.${suffix}` });
  }
  if (scheme === "https:") probes.push({ variant: "insecure-scheme", origin: `http://${page.host}` });
  if (!isLocal(host)) {
    probes.push({ variant: "localhost", origin: "http://localhost:3000" });
    probes.push({ variant: "localhost", origin: "http://localhost:5173" });
  }
  return probes;
}

export function isLocal(host: string): boolean {
  const name = host.replace(/^\[|\]$/g, "").toLowerCase();
  return name === "localhost" || name.endsWith(".localhost") || name === "::1" || /^127\./.test(name);
}
