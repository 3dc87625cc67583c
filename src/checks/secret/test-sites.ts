import type { Handler } from "../../../test/support/server.ts";
import { fakeJwt, fakeChars, join, BASE64URL, BASE62 } from "../../secrets/fake.ts";
import { RULES } from "../../secrets/rules/index.ts";
import { staticSite } from "../exposure/test-sites.ts";

const BUNDLE_PATH = "/assets/index-8c1f2a.js";

function page(head: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>${head}<script type="module" src="${BUNDLE_PATH}"></script></head><body><div id="root"></div></body></html>`;
}

/** Minified-looking code around a planted value, so rules meet it the way they meet real bundles. */
export function minified(inner: string): string {
  return `(()=>{"use strict";var e={},t=(n,r)=>{for(var o in r)e[o]=r[o]};const a=document.getElementById("root");${inner};a.textContent="ready";function s(n){return fetch("/api/products?page="+n).then(r=>r.json())}s(1)})();`;
}

/** A site whose bundle contains `bundle`. */
export function bundleSite(
  bundle: string,
  extra: Record<string, { type: string; body: string }> = {},
): Handler {
  return staticSite({ [BUNDLE_PATH]: { type: "text/javascript", body: bundle }, ...extra });
}

/** A site whose HTML carries `script` as an inline script. */
export function inlineScriptSite(script: string): Handler {
  return staticSite({ "/": { type: "text/html; charset=utf-8", body: page(`<script>${script}</script>`) } });
}

/** A Next.js-style page with `props` in its __NEXT_DATA__ JSON block. */
export function nextDataSite(props: Record<string, unknown>): Handler {
  const data = JSON.stringify({ props: { pageProps: props }, page: "/", query: {}, buildId: "b1d2" });
  return staticSite({
    "/": {
      type: "text/html; charset=utf-8",
      body: page(`<script id="__NEXT_DATA__" type="application/json">${data}</script>`),
    },
  });
}

/** A site whose bundle points at a source map carrying `files` as sourcesContent. */
export function sourceMapSite(files: Record<string, string>): Handler {
  const map = JSON.stringify({
    version: 3,
    sources: Object.keys(files),
    sourcesContent: Object.values(files),
    names: [],
    mappings: "AAAA",
  });
  return bundleSite(minified("t(0,{})") + "\n//# sourceMappingURL=index-8c1f2a.js.map", {
    [`${BUNDLE_PATH}.map`]: { type: "application/json", body: map },
  });
}

/** The first secret sample of a rule, by name. */
export function sample(ruleName: string, index = 0): string {
  const rule = RULES.find((r) => r.name === ruleName);
  const value = rule?.samples.secret[index];
  if (value === undefined) throw new Error(`no secret sample ${index} for ${ruleName}`);
  return value;
}

/**
 * A bundle full of what must not be reported: every public-by-design key (Stripe and Clerk pk_,
 * Supabase anon JWT and sb_publishable_, a Firebase config), every rule's documented examples and
 * look-alikes, and minified code with short `sk-`/`re_`-like substrings.
 */
export function lookAlikeBundle(): string {
  const publicKeys = RULES.flatMap((rule) => rule.samples.public ?? []);
  const lookAlikes = RULES.flatMap((rule) => rule.samples.notSecret);
  const code = [
    'const task-1="sk-1",re_render=()=>re_render_count++,desk_live_preview=!0',
    "var t=e.mask-image,n=t.ask-question,ghp=1,xoxo=2,SG={},AKIA_PREFIX='AKIA'",
    `window.__CONFIG__={stripeKey:"${join("pk_", "live_", "51", fakeChars("pk-lookalike", 97, BASE62))}",anonKey:"${fakeJwt({ iss: "supabase", ref: "qwertyuiopasdfghjklz", role: "anon" }, "anon-lookalike")}"}`,
    `const integrity="sha384-${fakeChars("sri", 64, BASE64URL)}",buildId="${fakeChars("build", 40, "0123456789abcdef")}"`,
  ];
  return minified([...publicKeys, ...lookAlikes, ...code].join(";\n"));
}
