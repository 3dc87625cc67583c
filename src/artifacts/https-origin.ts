import net from "node:net";
import type { Discovery } from "../core/recording.ts";
import type { Target } from "../core/target.ts";
import type { TlsVersion } from "../core/transport.ts";

/** The probe that tries the site's other scheme (written by probes/tls, read by checks/tls). */
export const TRANSPORT_PROBE = "tls";
/** Its request to the https origin, made when nothing else reached it. */
export const HTTPS_ROLE = "https-origin";
/** Its request to the http:// twin of an https target, one exchange per redirect hop. */
export const HTTP_ROLE = "http-origin";

/** The probe that tries retired TLS versions with bare handshakes. */
export const VERSIONS_PROBE = "tls-versions";
/** Versions RFC 8996 retired; each gets one handshake offering only that version. */
export const LEGACY_VERSIONS: readonly TlsVersion[] = ["TLSv1", "TLSv1.1"];

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
