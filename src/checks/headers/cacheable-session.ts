import {
  type Check,
  evidenceFrom,
  type Exchange,
  type FindingDraft,
  headerValue,
  headerValues,
} from "../../core/index.ts";
import { LiveCookies, type ObservedCookie } from "../../artifacts/index.ts";

/** Why a shared cache (CDN, corporate proxy) may store this response and hand it to others, or undefined. */
function sharedCacheMayStore(exchange: Exchange): string | undefined {
  const response = exchange.response;
  if (!response) return undefined;
  if (exchange.request.method !== "GET" && exchange.request.method !== "HEAD") return undefined;
  // Statuses a cache would plausibly keep with explicit freshness; errors and odd codes are left out.
  if (!(response.status >= 200 && response.status <= 206) && ![301, 308].includes(response.status))
    return undefined;
  const cacheControl = headerValues(response.headers, "cache-control").join(", ");
  const directives = new Map<string, string>();
  for (const part of cacheControl.split(",")) {
    const [name, ...rest] = part.trim().split("=");
    const key = name?.trim().toLowerCase();
    if (key && !directives.has(key)) directives.set(key, rest.join("=").trim().replace(/^"|"$/g, ""));
  }
  // RFC 9111 §5.2.2: no-store and private (even the qualified private="Set-Cookie", which keeps the cookie
  // out of the stored copy) keep it out of shared caches; no-cache forces a check with the origin each time.
  // Pragma: no-cache counts only without Cache-Control, but a cache that honours it is no worse: silent either way.
  if (["no-store", "private", "no-cache"].some((name) => directives.has(name))) return undefined;
  if (/no-cache/i.test(headerValue(response.headers, "pragma") ?? "")) return undefined;
  const seconds = (name: string) => {
    const value = directives.get(name);
    return value !== undefined && /^\d{1,10}$/.test(value) ? Number(value) : undefined;
  };
  const sMaxAge = seconds("s-maxage");
  if (sMaxAge !== undefined) return sMaxAge > 0 ? `Cache-Control: ${cacheControl}` : undefined;
  const maxAge = seconds("max-age");
  if (maxAge !== undefined) return maxAge > 0 ? `Cache-Control: ${cacheControl}` : undefined;
  // `public` alone lets a shared cache apply heuristic freshness; on its own it is still an explicit yes.
  if (directives.has("public")) return `Cache-Control: ${cacheControl}`;
  if (directives.size > 0) return undefined;
  // No Cache-Control: only an Expires later than the response's own Date is explicit freshness. Heuristic
  // freshness (Last-Modified) is allowed by RFC 9111 §4.2.2, but CDNs and proxies commonly refuse to cache
  // a Set-Cookie response without explicit freshness: too unsure to report.
  const expires = Date.parse(headerValue(response.headers, "expires") ?? "");
  const date = Date.parse(headerValue(response.headers, "date") ?? "");
  if (!Number.isNaN(expires) && !Number.isNaN(date) && expires > date)
    return `Expires: ${headerValue(response.headers, "expires") ?? ""} (later than Date)`;
  return undefined;
}

export const cacheableSession: Check = {
  meta: {
    id: "headers.cacheable-session",
    title: "A response that sets a session cookie may be stored by shared caches",
    cvss: "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N",
    cwe: "CWE-524",
    references: [
      { title: "RFC 9111: HTTP Caching", url: "https://www.rfc-editor.org/rfc/rfc9111" },
      {
        title: "MDN: Cache-Control",
        url: "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Cache-Control",
      },
      {
        title: "OWASP Session Management Cheat Sheet: web content caching",
        url: "https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html#web-content-caching",
      },
      {
        title: "CWE-524: Use of Cache Containing Sensitive Information",
        url: "https://cwe.mitre.org/data/definitions/524.html",
      },
    ],
    explanation:
      "A response that sets a session cookie also says that shared caches (a CDN, a company proxy) may keep it: `Cache-Control` has `public`, `s-maxage` or `max-age` without `private` or `no-store`. " +
      "If a cache does keep it, the next visitors get the stored copy, including its `Set-Cookie`: they are handed the same session as the first visitor (and the personalised page with it). " +
      "Many CDNs refuse to cache responses that set cookies by default, but one rule such as 'cache everything' turns this into a real leak. " +
      "`Vary: Cookie` does not help: a visitor without cookies matches the stored copy. Mark such responses `Cache-Control: private, no-store`.",
    fixes: {
      express: [
        "On every response that sets or depends on the session:",
        "```js",
        "app.use((req, res, next) => { res.set('Cache-Control', 'private, no-store'); next(); });",
        "```",
        "Keep `public, max-age` for static files only (`express.static` before the session middleware).",
      ].join("\n"),
      nextjs: [
        "Pages that read cookies are dynamic; make sure nothing adds a shared-cache header to them (a `headers()` rule for `/(.*)`, or a CDN rule):",
        "```js",
        "// next.config.js",
        "async headers() {",
        "  return [{ source: '/account/:path*', headers: [{ key: 'Cache-Control', value: 'private, no-store' }] }];",
        "}",
        "```",
        "In route handlers that set cookies, return `Cache-Control: private, no-store` explicitly.",
      ].join("\n"),
      fastapi: [
        "```python",
        "@app.middleware('http')",
        "async def no_shared_cache(request, call_next):",
        "    response = await call_next(request)",
        "    if 'set-cookie' in response.headers:",
        "        response.headers['Cache-Control'] = 'private, no-store'",
        "    return response",
        "```",
      ].join("\n"),
      nginx: [
        "Do not cache (and do not advertise caching for) responses that set cookies:",
        "```nginx",
        "location / {",
        "    proxy_pass http://app;",
        "    proxy_no_cache $upstream_http_set_cookie;",
        "    proxy_hide_header Cache-Control;",
        '    add_header Cache-Control "private, no-store" always;',
        "}",
        "```",
      ].join("\n"),
      cloudflare:
        "Check Cache Rules: a 'Cache Everything' / 'Eligible for cache' rule must exclude pages that set cookies, or bypass the cache when the `Set-Cookie` or `Cookie` header is present.",
    },
    learn: "security-headers#cacheable-session",
    needs: [LiveCookies],
  },
  analyse(artifacts) {
    const byExchange = new Map<Exchange, ObservedCookie[]>();
    for (const cookie of artifacts.read(LiveCookies)) {
      if (cookie.session === undefined) continue;
      byExchange.set(cookie.exchange, [...(byExchange.get(cookie.exchange) ?? []), cookie]);
    }
    const drafts: FindingDraft[] = [];
    for (const [exchange, cookies] of byExchange) {
      const why = sharedCacheMayStore(exchange);
      if (!why) continue;
      const names = cookies.map((cookie) => cookie.name).join(", ");
      const url = exchange.request.url;
      const evidence = evidenceFrom(
        exchange,
        `The response sets ${names} and allows shared caches to store it (${clip(why)}).`,
        { headers: ["cache-control", "expires", "date", "vary", "set-cookie"], excerpt: "" },
      );
      // Only the session cookies' lines, values redacted, reach the report.
      if (evidence.response)
        evidence.response = {
          ...evidence.response,
          headers: [
            ...evidence.response.headers.filter(([name]) => name.toLowerCase() !== "set-cookie"),
            ...cookies.map((cookie): [string, string] => ["set-cookie", cookie.line]),
          ],
        };
      drafts.push({
        url,
        groupKey: new URL(url).host,
        summary: `${url} sets ${names} (${cookies[0]!.session}) in a response that shared caches may store: ${clip(why)}.`,
        evidence: [evidence],
        details: { cookies: names, cacheability: clip(why) },
      });
    }
    return drafts;
  },
};

function clip(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
