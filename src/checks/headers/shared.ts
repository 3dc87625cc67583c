import { type Reference, type Stack } from "../../core/index.ts";

/**
 * Shared by the headers.* checks: every one judges HTML documents (artifacts/documents.ts), groups what it
 * finds by origin (one finding per host, listing every page), and fixes the same way on each stack.
 */

/**
 * Missing hardening, not a hole by itself: exploiting it needs another bug (an injection) or a position
 * (the network), hence AC:H. A CSP that does not stop injected scripts: an XSS bug runs in full.
 */
export const CVSS_SCRIPT_INJECTION_UNMITIGATED = "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:L/A:N";

/** A narrower gap in a working CSP (eval, plugins, <base>): only some injections get through. */
export const CVSS_CSP_GAP = "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:N/I:L/A:N";

export const CSP_REFERENCES: readonly Reference[] = [
  {
    title: "MDN: Content-Security-Policy",
    url: "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Content-Security-Policy",
  },
  { title: "web.dev: Mitigate XSS with a strict CSP", url: "https://web.dev/articles/strict-csp" },
  { title: "Google CSP Evaluator", url: "https://csp-evaluator.withgoogle.com/" },
  {
    title: "OWASP Content Security Policy Cheat Sheet",
    url: "https://cheatsheetseries.owasp.org/cheatsheets/Content_Security_Policy_Cheat_Sheet.html",
  },
];

export const CSP_CWE = "CWE-693";

export const HARDENING_REFERENCES: readonly Reference[] = [
  {
    title: "OWASP HTTP Security Response Headers Cheat Sheet",
    url: "https://cheatsheetseries.owasp.org/cheatsheets/HTTP_Headers_Cheat_Sheet.html",
  },
  { title: "MDN HTTP Observatory", url: "https://developer.mozilla.org/en-US/observatory" },
];

/**
 * Fixes that set one response header on every page, per stack. `express` says how helmet handles it;
 * `lead` puts a sentence specific to the finding before a stack's snippet.
 */
export function setHeaderFixes(spec: {
  header: string;
  value: string;
  express: string;
  lead?: Partial<Record<Stack, string>>;
}): Partial<Record<Stack, string>> {
  const { header, value } = spec;
  const fixes: Partial<Record<Stack, string>> = {
    express: spec.express,
    nextjs: [
      `Send it on every route from \`next.config.js\` (or set it in \`middleware.ts\` with \`response.headers.set('${header}', ...)\`):`,
      "```js",
      "module.exports = {",
      "  async headers() {",
      `    return [{ source: '/(.*)', headers: [{ key: '${header}', value: ${jsString(value)} }] }];`,
      "  },",
      "};",
      "```",
    ].join("\n"),
    fastapi: [
      "Add a small middleware (Starlette's `@app.middleware`) so every response carries it:",
      "```python",
      '@app.middleware("http")',
      "async def security_headers(request, call_next):",
      "    response = await call_next(request)",
      `    response.headers.setdefault(${pyString(header)}, ${pyString(value)})`,
      "    return response",
      "```",
    ].join("\n"),
    nginx: [
      "In the `server` block; `always` adds it to error pages too. A `location` with its own `add_header` drops the ones inherited from `server`, so repeat it there:",
      "```nginx",
      `add_header ${header} "${value.replace(/"/g, '\\"')}" always;`,
      "```",
    ].join("\n"),
    vercel: [
      "In `vercel.json`:",
      "```json",
      JSON.stringify({ headers: [{ source: "/(.*)", headers: [{ key: header, value }] }] }, null, 2),
      "```",
    ].join("\n"),
    netlify: ["In `public/_headers` (or `netlify.toml`):", "```", "/*", `  ${header}: ${value}`, "```"].join(
      "\n",
    ),
  };
  for (const [stack, lead] of Object.entries(spec.lead ?? {}) as Array<[Stack, string]>) {
    fixes[stack] = `${lead}\n\n${fixes[stack] ?? ""}`.trim();
  }
  return fixes;
}

/** A strict CSP, the cure for every csp-* finding, per stack; `lead` names the particular mistake. */
export function cspFixes(lead: string): Partial<Record<Stack, string>> {
  const policy =
    "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
  const fixes: Partial<Record<Stack, string>> = {
    express: [
      "helmet sends a strict policy by default (`script-src 'self'`, `object-src 'none'`, `base-uri 'self'`). Load scripts from files, or give inline ones a per-request nonce:",
      "```js",
      "const crypto = require('node:crypto');",
      "const helmet = require('helmet');",
      "app.use((req, res, next) => { res.locals.nonce = crypto.randomBytes(16).toString('base64'); next(); });",
      "app.use(helmet({",
      "  contentSecurityPolicy: {",
      "    directives: { scriptSrc: [\"'self'\", (req, res) => `'nonce-${res.locals.nonce}'`] },",
      "  },",
      "}));",
      '// in templates: <script nonce="<%= nonce %>">…</script>',
      "```",
    ].join("\n"),
    nextjs: [
      "Generate a nonce per request in `middleware.ts` (Next.js adds it to its own scripts when it sees the header), and render pages dynamically:",
      "```ts",
      "import { NextResponse, type NextRequest } from 'next/server';",
      "export function middleware(request: NextRequest) {",
      "  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');",
      "  const csp = `default-src 'self'; script-src 'nonce-${nonce}' 'strict-dynamic'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'`;",
      "  const headers = new Headers(request.headers);",
      "  headers.set('x-nonce', nonce);",
      "  headers.set('Content-Security-Policy', csp);",
      "  const response = NextResponse.next({ request: { headers } });",
      "  response.headers.set('Content-Security-Policy', csp);",
      "  return response;",
      "}",
      "```",
      "A site with no inline scripts can instead send a fixed policy from `headers()` in `next.config.js`.",
    ].join("\n"),
    fastapi: [
      "Send the policy from a middleware on HTML responses (put any inline script in a file, or pass a per-request nonce to the template):",
      "```python",
      '@app.middleware("http")',
      "async def content_security_policy(request, call_next):",
      "    response = await call_next(request)",
      '    if response.headers.get("content-type", "").startswith("text/html"):',
      `        response.headers["Content-Security-Policy"] = ${pyString(policy)}`,
      "    return response",
      "```",
    ].join("\n"),
    nginx: [
      "For a site that loads its scripts from its own files:",
      "```nginx",
      `add_header Content-Security-Policy "${policy}" always;`,
      "```",
    ].join("\n"),
    vercel: [
      "In `vercel.json` (a Next.js app on Vercel should use the middleware nonce instead):",
      "```json",
      JSON.stringify(
        { headers: [{ source: "/(.*)", headers: [{ key: "Content-Security-Policy", value: policy }] }] },
        null,
        2,
      ),
      "```",
    ].join("\n"),
    netlify: ["In `public/_headers`:", "```", "/*", `  Content-Security-Policy: ${policy}`, "```"].join("\n"),
  };
  for (const stack of Object.keys(fixes) as Stack[]) fixes[stack] = `${lead}\n\n${fixes[stack] ?? ""}`;
  return fixes;
}

function jsString(value: string): string {
  return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

function pyString(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}
