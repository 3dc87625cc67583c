import { type Check, bodyText, evidenceFrom, type FindingDraft } from "../../core/index.ts";
import {
  BaasConfiguration,
  redactKey,
  redactTokens,
  PUBLIC_KEY_LABELS,
  type PublicKey,
  ScanExchanges,
} from "../../artifacts/index.ts";
import { CVSS_INFORMATIONAL } from "../../core/index.ts";

const CONTEXT_CHARS = 80;

export const publicKey: Check = {
  meta: {
    id: "info.public-key",
    title: "Public keys found in the site's JavaScript (expected, listed for review)",
    cvss: CVSS_INFORMATIONAL,
    cwe: "CWE-200",
    references: [
      { title: "Supabase: Understanding API keys", url: "https://supabase.com/docs/guides/api/api-keys" },
      {
        title: "Firebase: Learn about using and managing API keys",
        url: "https://firebase.google.com/docs/projects/api-keys",
      },
      { title: "Stripe: API keys", url: "https://docs.stripe.com/keys" },
    ],
    explanation:
      "The site's JavaScript carries keys that are public by design: a Stripe or Clerk publishable key, a Supabase anon or publishable key, a Firebase web API key. " +
      "They are not secrets and do not need to be removed: every visitor's browser must have them. " +
      "What they do is identify your backend, so anyone can use them to talk to it directly, exactly as your app does. " +
      "Your data is only as safe as the rules behind them: Row Level Security in Supabase, security rules in Firebase. " +
      "The scanner uses these keys to check those rules (see the supabase.* and firebase.* results), and lists them here so you can confirm none of them is a secret key by mistake.",
    fixes: {
      express: [
        "Nothing to remove: publishable keys belong in the browser. Keep the other half on the server only:",
        "```js",
        "// Server only, from the environment: sk_live_..., the Supabase service_role key, Firebase Admin credentials.",
        "const stripe = require('stripe')(process.env.STRIPE_SECRET_KEY);",
        "```",
        "And make sure the backends these keys point to are locked: Row Level Security in Supabase, security rules in Firebase.",
      ].join("\n"),
      nextjs: [
        "Nothing to remove: `NEXT_PUBLIC_` variables are meant for the browser. Never give a secret key (`sk_live_`, `service_role`, `sb_secret_`) the `NEXT_PUBLIC_` prefix; read it only in route handlers and server actions:",
        "```ts",
        "// app/api/checkout/route.ts: server only",
        "const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);",
        "```",
      ].join("\n"),
      fastapi: [
        "Nothing to remove from the frontend. Keep secret keys in the FastAPI server's environment only:",
        "```python",
        "import os",
        'stripe.api_key = os.environ["STRIPE_SECRET_KEY"]  # never shipped to the browser',
        "```",
      ].join("\n"),
      nginx: [
        "Nothing to change in nginx: these keys are in the JavaScript on purpose. What protects your data is the backend's own rules (Supabase Row Level Security, Firebase security rules); serving the files differently does not hide the keys.",
      ].join("\n"),
      vite: [
        "Only `VITE_`-prefixed variables reach the bundle, which is right for publishable keys. Check that no secret was given that prefix: `VITE_SUPABASE_SERVICE_ROLE_KEY` or `VITE_STRIPE_SECRET_KEY` would ship to every visitor.",
      ].join("\n"),
      supabase: [
        "The anon / publishable key is safe to ship when every table has Row Level Security enabled with policies that check `auth.uid()`. Review **Advisors → Security Advisor** in the dashboard.",
      ].join("\n"),
      firebase: [
        "The web API key is safe to ship. Restrict it to your domains in Google Cloud Console (**APIs & Services → Credentials → HTTP referrers**), enable App Check, and make sure your security rules are not in test mode.",
      ].join("\n"),
    },
    learn: "secrets-in-bundles#public-key",
    needs: [BaasConfiguration, ScanExchanges],
  },
  analyse(artifacts) {
    const keys = artifacts.read(BaasConfiguration).publicKeys;
    const exchanges = artifacts.read(ScanExchanges);
    const byFile = new Map<string, PublicKey[]>();
    for (const key of keys) byFile.set(key.url, [...(byFile.get(key.url) ?? []), key]);
    const drafts: FindingDraft[] = [];
    for (const [url, found] of byFile) {
      const described = found.map(describe);
      drafts.push({
        url,
        summary: `${found.length === 1 ? "A public key" : `${found.length} public keys`} in ${url}: ${described.join("; ")}.`,
        evidence: found.slice(0, 3).flatMap((key) => {
          const exchange = exchanges.byId(key.exchangeId);
          if (!exchange?.response) return [];
          const text = bodyText(exchange.response);
          const start = Math.max(0, key.offset - CONTEXT_CHARS);
          const excerpt = redactTokens(text.slice(start, key.offset + key.value.length + CONTEXT_CHARS));
          return [
            evidenceFrom(exchange, `${describe(key)}, in the code this file sends to every visitor.`, {
              headers: ["content-type"],
              excerpt,
            }),
          ];
        }),
        details: {
          keys: described.join("; "),
          kinds: [...new Set(found.map((key) => key.kind))].join(", "),
        },
      });
    }
    return drafts;
  },
};

function describe(key: PublicKey): string {
  return `${PUBLIC_KEY_LABELS[key.kind]} ${redactKey(key.value)}${key.variable ? ` (${key.variable})` : ""}`;
}
