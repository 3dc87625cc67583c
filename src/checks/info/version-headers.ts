import { type HeaderList, headerValue } from "../../core/index.ts";

/** A response header that names software together with its version. */
export interface VersionHeader {
  /** Lower-case, as recorded. */
  name: string;
  /** As people write it: "X-Powered-By". */
  label: string;
  value: string;
  /** "nginx/1.18.0", "PHP/7.4.3", "4.0.30319": the part that names the version. */
  version: string;
}

const LABELS: Readonly<Record<string, string>> = {
  server: "Server",
  "x-powered-by": "X-Powered-By",
  "x-generator": "X-Generator",
  "x-aspnet-version": "X-AspNet-Version",
  "x-aspnetmvc-version": "X-AspNetMvc-Version",
  "x-owa-version": "X-OWA-Version",
};

/** Headers whose whole value is a version number (ASP.NET, Outlook Web Access). */
const VERSION_ONLY_HEADERS = ["x-aspnet-version", "x-aspnetmvc-version", "x-owa-version"];
/** Headers that name products, each possibly with a version. */
const PRODUCT_HEADERS = ["server", "x-powered-by", "x-generator"];

/**
 * product/1.2[.3] (nginx/1.18.0, PHP/7.4.3, Microsoft-IIS/10.0), product(1.2...) (Jetty(9.4.43.v2021)),
 * "Product 1.2.3" (WordPress 6.4.2), or any three-part version (Phusion Passenger(R) 6.0.15). A version
 * needs a dot: "ECS (dcb/7F84)" is a cache node, "Drupal 10" a major release, not a patch level.
 */
const PRODUCT_VERSION =
  /[A-Za-z][\w.+-]*\/v?\d+\.\d+[\w.+-]*|[A-Za-z][\w.+-]*\(v?\d+\.\d+[^)\s]*\)|\b[A-Za-z][A-Za-z-]+ v?\d+\.\d+(?:\.\d+)*\b|\b\d+\.\d+\.\d+(?:\.\d+)*\b/;
const ANY_VERSION = /\d+(?:\.\d+)*/;

/**
 * Versions that say nothing the site controls or could patch: a cloud load balancer's fixed banner, the
 * HTTP/1.1 connector name Tomcat has sent unchanged for twenty years, Windows' HTTP.sys, a host's edge.
 */
const MEANINGLESS = [/^awselb\/\d/i, /^Apache-Coyote\/1\.1$/i, /^Microsoft-HTTPAPI\/2\.0$/i, /^DPS\//i];

/** Banners are short; only this much of a (hostile, possibly 64 KiB) header is read or shown. */
const MAX_VALUE_CHARS = 200;

/**
 * The versioned software headers of one response. A product without a version ("nginx", "cloudflare",
 * "X-Powered-By: Express", "Next.js") is not reported: naming a framework is what every default install
 * does, and without a version it points at no known vulnerability. Removing it is still good hygiene.
 */
export function versionHeaders(headers: HeaderList): VersionHeader[] {
  const found: VersionHeader[] = [];
  for (const name of VERSION_ONLY_HEADERS) {
    const value = headerValue(headers, name)
      ?.trim()
      .slice(0, MAX_VALUE_CHARS + 1);
    const version = value && ANY_VERSION.exec(value)?.[0];
    if (value && version) found.push({ name, label: LABELS[name] ?? name, value: clip(value), version });
  }
  for (const name of PRODUCT_HEADERS) {
    const value = headerValue(headers, name)
      ?.trim()
      .slice(0, MAX_VALUE_CHARS + 1);
    if (!value || MEANINGLESS.some((pattern) => pattern.test(value))) continue;
    const version = PRODUCT_VERSION.exec(value)?.[0];
    if (version)
      found.push({ name, label: LABELS[name] ?? name, value: clip(value), version: clip(version) });
  }
  return found;
}

function clip(text: string): string {
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}…` : text;
}
