import type { Reference, Stack } from "../../core/index.ts";

/** Shared by every cors.* check: the same references and the same cure (an exact allowlist). */
export const CORS_CWE = "CWE-942";

export const CORS_REFERENCES: readonly Reference[] = [
  {
    title: "MDN: Cross-Origin Resource Sharing (CORS)",
    url: "https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS",
  },
  { title: "PortSwigger: CORS vulnerabilities", url: "https://portswigger.net/web-security/cors" },
  {
    title: "OWASP WSTG: Testing Cross Origin Resource Sharing",
    url: "https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/11-Client-side_Testing/07-Testing_Cross_Origin_Resource_Sharing",
  },
  {
    title: "CWE-942: Permissive Cross-domain Policy with Untrusted Domains",
    url: "https://cwe.mitre.org/data/definitions/942.html",
  },
];

/** With credentials, a wrong origin gets the victim's data and can act as them: high. */
export const CVSS_READ_WITH_CREDENTIALS = "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:L/A:N";
/** Without credentials only what anyone could fetch is exposed, unless the API trusts the network. */
export const CVSS_READ_WITHOUT_CREDENTIALS = "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N";

/** The one fix for every origin-matching mistake: compare the whole origin against an exact list. */
export const ALLOWLIST_FIXES: Partial<Record<Stack, string>> = {
  express: [
    "Give the `cors` middleware an exact list of origins (never `origin: true` or a callback that always says yes):",
    "```js",
    "const cors = require('cors');",
    "const allowed = new Set(['https://app.example.com', 'https://www.example.com']);",
    "app.use(cors({",
    "  origin: (origin, cb) => cb(null, !origin || allowed.has(origin) ? origin : false),",
    "  credentials: true,",
    "}));",
    "```",
  ].join("\n"),
  nextjs: [
    "In `middleware.ts` (or a route handler), answer only origins on an exact list and add `Vary: Origin`:",
    "```ts",
    "const allowed = new Set(['https://app.example.com']);",
    "export function middleware(req: NextRequest) {",
    "  const origin = req.headers.get('origin') ?? '';",
    "  const res = NextResponse.next();",
    "  res.headers.append('Vary', 'Origin');",
    "  if (allowed.has(origin)) {",
    "    res.headers.set('Access-Control-Allow-Origin', origin);",
    "    res.headers.set('Access-Control-Allow-Credentials', 'true');",
    "  }",
    "  return res;",
    "}",
    "```",
  ].join("\n"),
  fastapi: [
    "List origins exactly in `CORSMiddleware`; do not use `allow_origin_regex` unless it is anchored and escaped:",
    "```python",
    "from fastapi.middleware.cors import CORSMiddleware",
    "app.add_middleware(",
    "    CORSMiddleware,",
    "    allow_origins=['https://app.example.com'],",
    "    allow_credentials=True,",
    "    allow_methods=['GET', 'POST'],",
    ")",
    "```",
  ].join("\n"),
  nginx: [
    "Map the Origin header against an exact list, and echo only a match:",
    "```nginx",
    "map $http_origin $cors_origin {",
    '    default "";',
    '    "https://app.example.com" $http_origin;',
    "}",
    "server {",
    "    add_header Access-Control-Allow-Origin $cors_origin always;",
    "    add_header Access-Control-Allow-Credentials true always;",
    "    add_header Vary Origin always;",
    "}",
    "```",
  ].join("\n"),
  fastify: [
    "Pass `@fastify/cors` an array of exact origins:",
    "```js",
    "await fastify.register(require('@fastify/cors'), {",
    "  origin: ['https://app.example.com'],",
    "  credentials: true,",
    "});",
    "```",
  ].join("\n"),
  hono: [
    "Give `hono/cors` an array of exact origins (a function must return the origin only on an exact match):",
    "```ts",
    "import { cors } from 'hono/cors';",
    "app.use('/api/*', cors({ origin: ['https://app.example.com'], credentials: true }));",
    "```",
  ].join("\n"),
  koa: [
    "Give `@koa/cors` a function that returns the origin only on an exact match:",
    "```js",
    "const allowed = new Set(['https://app.example.com']);",
    "app.use(cors({ origin: (ctx) => (allowed.has(ctx.get('Origin')) ? ctx.get('Origin') : ''), credentials: true }));",
    "```",
  ].join("\n"),
};

/** The stacks whose allowlist fix gets a check's own lead sentence (the platforms keep theirs as is). */
const SERVER_STACKS: readonly Stack[] = ["express", "nextjs", "fastapi", "nginx", "fastify", "hono", "koa"];

/** The allowlist fix for every stack, with one sentence first that names this check's own mistake. */
export function allowlistFixesLedBy(lead: string): Partial<Record<Stack, string>> {
  const fixes: Partial<Record<Stack, string>> = {};
  for (const [stack, text] of Object.entries(ALLOWLIST_FIXES) as Array<[Stack, string]>) {
    fixes[stack] = SERVER_STACKS.includes(stack) ? `${lead}\n\n${text}` : text;
  }
  return fixes;
}
