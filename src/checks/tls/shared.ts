import { headerValues, type Reference, type Stack } from "../../core/index.ts";
import type { HtmlDocument } from "../../artifacts/index.ts";

/** References shared by the tls.* checks; each check adds its own. */
export const OWASP_TLS: Reference = {
  title: "OWASP Transport Layer Security Cheat Sheet",
  url: "https://cheatsheetseries.owasp.org/cheatsheets/Transport_Layer_Security_Cheat_Sheet.html",
};
export const MOZILLA_TLS_CONFIG: Reference = {
  title: "Mozilla SSL Configuration Generator",
  url: "https://ssl-config.mozilla.org/",
};
export const MDN_HSTS: Reference = {
  title: "MDN: Strict-Transport-Security",
  url: "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Strict-Transport-Security",
};
export const LETS_ENCRYPT: Reference = {
  title: "Let's Encrypt: Getting started",
  url: "https://letsencrypt.org/getting-started/",
};

/** How each stack sends every http:// request to https:// (shared by tls.no-https and tls.http-not-redirected). */
export const REDIRECT_TO_HTTPS: Partial<Record<Stack, string>> = {
  express: [
    "Behind a proxy or platform that terminates TLS, trust it and redirect plain requests:",
    "```js",
    "app.set('trust proxy', 1);",
    "app.use((req, res, next) => {",
    "  if (req.secure) return next();",
    "  res.redirect(308, `https://${req.hostname}${req.originalUrl}`);",
    "});",
    "```",
  ].join("\n"),
  nextjs: [
    "On Vercel and Netlify this is automatic once a domain has its certificate. Self-hosted behind a proxy, redirect in `middleware.ts`:",
    "```ts",
    "export function middleware(req: NextRequest) {",
    "  if (req.headers.get('x-forwarded-proto') === 'http') {",
    "    const url = req.nextUrl.clone();",
    "    url.protocol = 'https:';",
    "    return NextResponse.redirect(url, 308);",
    "  }",
    "}",
    "```",
  ].join("\n"),
  fastapi: [
    "Let the proxy in front of uvicorn redirect, or add Starlette's middleware:",
    "```python",
    "from starlette.middleware.httpsredirect import HTTPSRedirectMiddleware",
    "app.add_middleware(HTTPSRedirectMiddleware)",
    "```",
    "Run uvicorn with `--proxy-headers` so it sees the original scheme behind a proxy.",
  ].join("\n"),
  nginx: [
    "Answer port 80 with a redirect only, and serve the site on 443:",
    "```nginx",
    "server {",
    "    listen 80;",
    "    server_name example.com www.example.com;",
    "    return 301 https://$host$request_uri;",
    "}",
    "```",
  ].join("\n"),
  apache: [
    "```apache",
    "<VirtualHost *:80>",
    "    ServerName example.com",
    "    Redirect permanent / https://example.com/",
    "</VirtualHost>",
    "```",
  ].join("\n"),
  vercel:
    "Vercel redirects http to https for every domain it serves; make sure the domain points at Vercel (not at an old server) and its certificate is issued (Project → Settings → Domains).",
  netlify:
    "Netlify redirects http to https once the domain's certificate is provisioned: Site configuration → Domain management → HTTPS → Verify DNS / Provision certificate.",
  cloudflare:
    "Turn on **SSL/TLS → Edge Certificates → Always Use HTTPS**, and set the SSL mode to **Full (strict)** so Cloudflare also speaks TLS to your origin.",
};

export const MDN_MIXED_CONTENT: Reference = {
  title: "MDN: Mixed content",
  url: "https://developer.mozilla.org/en-US/docs/Web/Security/Mixed_content",
};

/** A CSP that upgrades (or blocks) insecure requests makes browsers fetch these over https or not at all. */
export function upgradesInsecureRequests(document: HtmlDocument): boolean {
  const policies = [...headerValues(document.headers, "content-security-policy"), ...document.metaCsp];
  return policies.some((policy) =>
    policy
      .split(/[;,]/)
      .map((directive) => directive.trim().split(/\s+/)[0]?.toLowerCase())
      .some((name) => name === "upgrade-insecure-requests" || name === "block-all-mixed-content"),
  );
}

/** URLs come from the page: long ones are cut where they are shown. */
export function clipUrl(url: string): string {
  return url.length > 200 ? `${url.slice(0, 200)}…` : url;
}
