import assert from "node:assert/strict";
import { renderJson } from "../../reporters/json.ts";
import { redactKey } from "../../artifacts/key-redaction.ts";
import {
  clerkPublishableKey,
  firebaseApiKey,
  publishableKey,
  stripePublishableKey,
  SUPABASE_DEMO_ANON_KEY,
  supabaseJwt,
} from "../../../test/fixtures/baas/keys.ts";
import { bundleSite } from "../../../test/fixtures/baas/sites.ts";
import { noRealDns } from "../../../test/fixtures/baas/tls-server.ts";
import { cdnSite } from "../../../test/fixtures/sites/cdn.ts";
import { spaSite } from "../../../test/fixtures/sites/spa.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { recorded } from "../../../test/tester/recording.ts";

const STRIPE = stripePublishableKey("boutique");
const CLERK = clerkPublishableKey("clerk.boutique.dev");
const ANON = supabaseJwt("boutiqueqwertyuiopas", "anon");
const FIREBASE = firebaseApiKey("boutique-42");
const ALL = [STRIPE, CLERK, ANON, FIREBASE];

/** info.public-key only reads what discovery fetched; the lookup proves no other name is resolved. */
const dns = noRealDns();
const scan = { lookup: dns.lookup };

/** bundleSite's page and bundle as discovery records them: the check reads nothing else. */
function recordedBundleSite(bundle: string, inline = "") {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>App</title>
<script>${inline}</script><script type="module" src="/assets/index-7c1d2e3f.js"></script></head>
<body><div id="root"></div></body></html>`;
  return recorded().page({ body: html }).bundle("/assets/index-7c1d2e3f.js", bundle);
}

const bundle = [
  `const STRIPE_PUBLISHABLE_KEY="${STRIPE}";`,
  `const clerkKey="${CLERK}";`,
  `const supabase=createClient("https://boutiqueqwertyuiopas.supabase.co","${ANON}");`,
  `const firebaseConfig={apiKey:"${FIREBASE}",authDomain:"boutique-42.firebaseapp.com",projectId:"boutique-42"};`,
].join("\n");

/** What documentation, starters and tutorials print: none of it configures anything. */
const EXAMPLES = [
  `loadStripe("pk_test_TYooMQauvdEDq54NiTphI7jx");`,
  `Stripe("pk_live_xxxxxxxxxxxxxxxxxxxxxxxx");`,
  `const clerk="${clerkPublishableKey("clerk.example.com", "test")}";`,
  `createClient("http://localhost:54321","${SUPABASE_DEMO_ANON_KEY}");`,
  `const k="sb_publishable_your_publishable_key_here";`,
  `initializeApp({apiKey:"AIzaSyDOCAbC123dEf456GhI789jKl012-MnO",authDomain:"myapp-project-123.firebaseapp.com",projectId:"myapp-project-123"});`,
  `const secret="sk_live_${"4eC39HqLyjWDarjtT1zdp7dc".split("").reverse().join("")}";`,
].join("\n");

testCheck("info.public-key", {
  vulnerable: [
    {
      name: "a bundle carrying Stripe, Clerk, Supabase and Firebase public keys",
      site: bundleSite(bundle),
      scan,
      expect: (finding, report) => {
        assert.equal(finding?.severity, "info");
        assert.equal(finding?.url.endsWith("/assets/index-7c1d2e3f.js"), true);
        assert.equal(
          finding?.details.kinds,
          "supabase-anon, firebase-web, stripe-publishable, clerk-publishable",
        );
        assert.match(
          finding.summary,
          new RegExp(`Stripe publishable key ${redactKey(STRIPE)} \\(STRIPE_PUBLISHABLE_KEY\\)`),
        );
        assert.match(finding.summary, /Firebase web API key AIza.+ \(apiKey\)/);
        const json = renderJson(report);
        for (const key of ALL) assert.ok(!json.includes(key), "a full key reached the JSON report");
        assert.deepEqual(dns.attempts, []);
      },
    },
    {
      name: "a publishable key in an inline script of the page",
      site: recordedBundleSite(
        "",
        `window.__ENV={NEXT_PUBLIC_SUPABASE_ANON_KEY:"${publishableKey("inline")}"}`,
      ),
      expect: (finding) => {
        assert.match(finding!.url, /^http:\/\/app\.fixture\.test:\d+\/$/);
        assert.match(finding!.summary, /Supabase publishable key sb_publish…/);
        assert.match(finding!.summary, /\(NEXT_PUBLIC_SUPABASE_ANON_KEY\)/);
      },
    },
  ],
  safe: [
    { name: "a bundle full of documented example keys and a secret key", site: recordedBundleSite(EXAMPLES) },
    { name: "a single-page app answering 200 everywhere", site: spaSite, scan },
    { name: "a CDN-fronted site with block pages", site: cdnSite, scan },
  ],
});
