import { createHash } from "node:crypto";
import {
  type CheckInput,
  evidenceFrom,
  type FindingDraft,
  type Reference,
  type Stack,
} from "../../core/index.ts";
import { SecretSightings, type SecretSighting } from "../../artifacts/index.ts";

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
 * One draft per secret and place: the same key in the page and in a bundle becomes one finding (grouped by
 * a fingerprint of the key) that lists both URLs. Nothing here carries the key itself: the summary,
 * details and evidence excerpt use its redacted form.
 */
export function secretDrafts(artifacts: CheckInput, findingId: string): FindingDraft[] {
  const drafts: FindingDraft[] = [];
  const seen = new Set<string>();
  const all = artifacts.read(SecretSightings);
  for (const sighting of all) {
    if (sighting.findingId !== findingId) continue;
    const fingerprint = fingerprintOf(sighting.match.secret);
    const placeKey = `${fingerprint}|${sighting.url}|${sighting.sourcePath ?? ""}`;
    if (seen.has(placeKey)) continue;
    seen.add(placeKey);
    drafts.push(scrubbed(draftFor(sighting, fingerprint), all));
  }
  return drafts;
}

/**
 * A key can also sit in a URL (a script loaded as `/sdk.js?key=...`): every key found anywhere is
 * replaced by its redacted form in the URL, summary, details and the evidence's request line, curl and note.
 */
function scrubbed(draft: FindingDraft, sightings: readonly SecretSighting[]): FindingDraft {
  const keys = [...new Map(sightings.map((s) => [s.match.secret, s.match.redacted])).entries()];
  const clean = (text: string) =>
    keys.reduce(
      (result, [secret, redacted]) =>
        result.includes(secret) ? result.split(secret).join(redacted) : result,
      text,
    );
  return {
    ...draft,
    evidence: draft.evidence.map((evidence) => ({
      ...evidence,
      note: clean(evidence.note),
      ...(evidence.curl !== undefined ? { curl: clean(evidence.curl) } : {}),
      ...(evidence.request ? { request: { ...evidence.request, url: clean(evidence.request.url) } } : {}),
    })),
    url: clean(draft.url),
    summary: clean(draft.summary),
    ...(draft.details
      ? {
          details: Object.fromEntries(
            Object.entries(draft.details).map(([name, value]) => [name, clean(value)]),
          ),
        }
      : {}),
  };
}

function draftFor(sighting: SecretSighting, fingerprint: string): FindingDraft {
  const { match } = sighting;
  const assigned = sighting.variable ? `, assigned to \`${sighting.variable}\`` : "";
  const shipped = sighting.publicPrefix
    ? ` The \`${sighting.publicPrefix}\` prefix is what told the bundler to ship it to every visitor.`
    : "";
  const confidence = match.confidence === "high" ? "" : ` (${match.confidence} confidence)`;
  return {
    url: sighting.url,
    groupKey: fingerprint,
    summary: `${match.label} \`${match.redacted}\`${confidence} is in ${sighting.where}${assigned}.${shipped}`,
    evidence: [
      evidenceFrom(sighting.exchange, `${match.label} at ${sighting.where}; the excerpt shows it redacted.`, {
        headers: ["content-type"],
        excerpt: sighting.excerpt,
      }),
    ],
    ...(match.verdict.cvss ? { cvss: match.verdict.cvss } : {}),
    details: {
      provider: match.rule.provider,
      kind: match.label,
      key: match.redacted,
      confidence: match.confidence,
      foundIn: sighting.place,
      location: sighting.where,
      line: String(sighting.line),
      column: String(sighting.column),
      ...(sighting.variable ? { variable: sighting.variable } : {}),
      ...(sighting.sourcePath ? { sourcePath: sighting.sourcePath } : {}),
      ...(sighting.container ? { container: sighting.container } : {}),
    },
  };
}

/** Groups sightings of one key; one-way, and never part of a report. */
function fingerprintOf(secret: string): string {
  return createHash("sha256").update(secret).digest("hex").slice(0, 24);
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
