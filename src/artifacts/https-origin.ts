import net from "node:net";
import type { Discovery, Target } from "../core/index.ts";

/**
 * The origin where the site should answer over https: where the page ended up when that is https, the
 * target when it was given as https, else the host the page ended up on (http://example.com may send
 * visitors to http://www.example.com), on port 443: a site on http://host:3000 is not expected to speak
 * TLS on 3000 but on 443, where browsers go for https://host.
 */
export function siteHttpsOrigin(target: Target, discovery: Readonly<Discovery>): string {
  if (discovery.finalUrl?.startsWith("https:")) return new URL(discovery.finalUrl).origin;
  if (target.scheme === "https") return target.origin;
  const url = new URL(discovery.finalUrl ?? target.url);
  url.protocol = "https:";
  url.port = "";
  return url.origin;
}

/** Where the site's plain-http twin is: the same host on port 80, with the target's path. */
export function siteHttpUrl(target: Target): string {
  const url = new URL(target.url);
  url.protocol = "http:";
  url.port = "";
  return url.href;
}

/**
 * Whether "has no https" can be a finding for this host: not for localhost names (development servers)
 * nor for bare IP addresses (a server reached by its address is rarely the site's public face, and
 * certificates for addresses are the exception).
 */
export function httpsExpectedFor(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (net.isIP(host)) return false;
  return host !== "localhost" && !host.endsWith(".localhost");
}
