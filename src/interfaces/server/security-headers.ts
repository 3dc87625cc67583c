import { randomBytes } from "node:crypto";

/** A fresh nonce per response: only the script and style blocks we wrote carry it. */
export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * The policy for every response we send. Scripts and styles run only with this response's nonce, so
 * markup that slipped through escaping still could not execute; nothing may frame us, plug-ins and
 * <base> are off, forms post only to us.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * Every header our own scanner asks of others. HSTS only over https (a browser ignores it over http,
 * and sending it from localhost would pin a developer's machine). No Server or X-Powered-By at all.
 */
export function securityHeaders(options: { nonce: string; https: boolean }): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(options.nonce),
    "x-content-type-options": "nosniff",
    // same-origin: a report's unguessable address never leaks to the sites it links to, while our own form
    // posts keep their Origin (under no-referrer, Chromium sends "Origin: null").
    "referrer-policy": "same-origin",
    "permissions-policy":
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "x-frame-options": "DENY",
    ...(options.https ? { "strict-transport-security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
