import { type Reference, type Stack } from "../../core/index.ts";
import { SecretSightings } from "../../artifacts/index.ts";

/** Every secret check reads the keys found in the page, its bundles and the source maps beside them. */
export const SECRET_NEEDS = [SecretSightings] as const;

export const HARDCODED_CREDENTIALS_CWE = "CWE-798";

export const SECRET_REFERENCES: readonly Reference[] = [
  {
    title: "OWASP Secrets Management Cheat Sheet",
    url: "https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html",
  },
  { title: "CWE-798: Use of Hard-coded Credentials", url: "https://cwe.mitre.org/data/definitions/798.html" },
  {
    title: "Next.js: Bundling environment variables for the browser",
    url: "https://nextjs.org/docs/app/guides/environment-variables#bundling-environment-variables-for-the-browser",
  },
  { title: "Vite: Env variables and modes", url: "https://vite.dev/guide/env-and-mode" },
];

/** Provider references first, then the shared ones. */
export function referencesWith(...first: Reference[]): readonly Reference[] {
  return [...first, ...SECRET_REFERENCES];
}

/**
 * The cure is the same everywhere: rotate the key (it is already public), then keep the new one on the
 * server. `rotate` says how for this provider; `envName` is the variable name used in the examples.
 */
export function secretFixes(rotate: string, envName: string): Partial<Record<Stack, string>> {
  const first = `1. **Rotate it now.** ${rotate} Removing it from the code is not enough: every visitor, cache and archive already has the old one.`;
  return {
    express: [
      first,
      "2. Keep the new key on the server: read it from `process.env` inside an Express route and call the provider from there; the browser calls your route.",
      "```js",
      "app.post('/api/do-the-thing', requireUser, async (req, res) => {",
      `  const key = process.env.${envName}; // never sent to the browser`,
      "  // call the provider with `key` here, return only what the page needs",
      "});",
      "```",
      "3. Check that no build step copies it into client code (a `config.js` in `public/`, webpack `DefinePlugin`).",
    ].join("\n"),
    nextjs: [
      first,
      `2. Name the variable without \`NEXT_PUBLIC_\` (that prefix copies it into every browser bundle) and read it only in Route Handlers, Server Actions or Server Components:`,
      "```ts",
      "// app/api/do-the-thing/route.ts",
      "import 'server-only';",
      "export async function POST(req: Request) {",
      `  const key = process.env.${envName};`,
      "  // call the provider here and return only what the page needs",
      "}",
      "```",
      "3. `import 'server-only'` in modules that read secrets makes an accidental client import fail the build.",
    ].join("\n"),
    fastapi: [
      first,
      "2. Read it from the environment in the FastAPI backend only, and never return it in a response, template or config endpoint:",
      "```python",
      "import os",
      `KEY = os.environ["${envName}"]`,
      "",
      '@app.post("/api/do-the-thing")',
      "async def do_the_thing(user = Depends(current_user)):",
      "    ...  # call the provider with KEY, return only what the page needs",
      "```",
      "3. Rebuild the frontend without the key in its `.env` files.",
    ].join("\n"),
    nginx: [
      first,
      "2. nginx serves what the frontend build produced: rebuild it without the key. If the browser must reach the provider, send it through a backend route, or let nginx add the key to a proxied request from a file outside the web root:",
      "```nginx",
      "location /api/provider/ {",
      "    proxy_pass https://api.provider.example/;",
      '    include /etc/nginx/secrets/provider-auth.conf;  # proxy_set_header Authorization "Bearer ...";',
      "}",
      "```",
    ].join("\n"),
    vite: [
      first,
      `2. Every \`VITE_\` variable is compiled into the client bundle: rename it without the prefix (\`${envName}\`) so Vite no longer exposes it, and move the call to a server (your API or a serverless function). \`import.meta.env.VITE_*\` is public by definition.`,
    ].join("\n"),
    vercel: [
      first,
      `2. In Project Settings → Environment Variables, store it as \`${envName}\` (no \`NEXT_PUBLIC_\`/\`VITE_\` prefix) and use it from a Function under \`api/\` or a Route Handler.`,
      "3. Old deployments stay reachable at their own URLs with the old bundle: rotating the key is what protects you, not redeploying.",
    ].join("\n"),
    netlify: [
      first,
      `2. Use it from a Netlify Function (\`netlify/functions/*.ts\` reading \`process.env.${envName}\`) and limit the variable's scope to Functions in Site configuration → Environment variables.`,
      "3. Old deploys stay reachable through their permalinks with the old bundle: rotating the key is what protects you.",
    ].join("\n"),
  };
}

/** The sentence every secret explanation ends with: why "it is minified" or "it is in a .map" is no cover. */
export const PUBLIC_BY_DOWNLOAD =
  "Everything in your HTML, JavaScript bundles and source maps is downloaded by every visitor; minifying does not hide a string, and bots scan new sites for keys within minutes.";
