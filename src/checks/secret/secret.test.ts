import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { cdnSite } from "../../../test/fixtures/sites/cdn.ts";
import { spaSite } from "../../../test/fixtures/sites/spa.ts";
import { scanFixture } from "../../../test/support/scan-fixture.ts";
import { startServer, type Handler, type TestServer } from "../../../test/support/server.ts";
import { testCheck, type CheckCase } from "../../../test/tester/check-tester.ts";
import { render } from "../../reporters/index.ts";
import { scanText } from "../../secrets/engine.ts";
import { BASE64, fakeChars, join } from "../../secrets/fake.ts";
import { RULES } from "../../secrets/rules/index.ts";
import { jsonCatchAll } from "../../../test/fixtures/exposure/sites.ts";
import {
  bundleSite,
  inlineScriptSite,
  lookAlikeBundle,
  minified,
  recordedBundleSite,
  recordedInlineScriptSite,
  recordedNextDataSite,
  sample,
  sourceMapSite,
} from "../../../test/fixtures/secret/sites.ts";

const SPA: Handler = spaSite;
const CDN: Handler = cdnSite;

/** The safe cases every secret id shares: hosts and bundles that must never produce a secret finding. */
const SHARED_SAFE: CheckCase[] = [
  { name: "a single-page app answering index.html everywhere", site: SPA },
  { name: "a catch-all JSON 404-as-200 API", site: jsonCatchAll },
  { name: "a CDN with block pages", site: CDN },
  {
    name: "a bundle of public keys, documented examples and look-alikes",
    site: recordedBundleSite(lookAlikeBundle()),
  },
];

/** The plain value a rule's sample carries (to check it never reaches a report). */
function secretIn(text: string): string {
  const match = scanText(text).find((m) => m.kind === "secret");
  if (!match) throw new Error("sample has no secret");
  return match.secret;
}

function neverShown(text: string): CheckCase["expect"] {
  const secret = secretIn(text);
  return (_finding, report) =>
    assert.ok(!JSON.stringify(report).includes(secret), "the full secret is in the report");
}

testCheck("secret.stripe-secret-key", {
  vulnerable: [
    {
      name: "a live secret key in a bundle",
      site: recordedBundleSite(minified(sample("stripe-secret-key", 0))),
      expect: (finding, report) => {
        assert.equal(finding?.severity, "critical");
        assert.match(finding?.summary ?? "", /sk_live_…\w{4}`/);
        neverShown(sample("stripe-secret-key", 0))?.(finding, report);
      },
    },
    {
      name: "a test-mode key in an inline script is low",
      site: recordedInlineScriptSite(sample("stripe-secret-key", 2)),
      expect: (finding) => {
        assert.equal(finding?.severity, "low");
        assert.match(finding?.summary ?? "", /inline script/);
      },
    },
    {
      name: "a restricted key in a source map's original sources",
      site: sourceMapSite({
        "../src/lib/billing.ts": `export const key = ${JSON.stringify(secretIn(sample("stripe-secret-key", 1)))};`,
      }),
      expect: (finding) =>
        assert.match(finding?.summary ?? "", /src\/lib\/billing\.ts .*inside the source map/),
    },
  ],
  safe: [
    ...SHARED_SAFE,
    {
      name: "a publishable key only",
      site: recordedBundleSite(minified(`loadStripe("${join("pk_", "live_", fakeChars("pk", 99))}")`)),
    },
  ],
});

testCheck("secret.openai-api-key", {
  vulnerable: [
    {
      name: "a project key with dangerouslyAllowBrowser",
      site: bundleSite(minified(sample("openai-api-key", 0))),
    },
    {
      name: "a legacy key in __NEXT_DATA__ under a NEXT_PUBLIC_ name",
      site: recordedNextDataSite({ NEXT_PUBLIC_OPENAI_KEY: secretIn(sample("openai-api-key", 1)) }),
      expect: (finding) => {
        assert.equal(finding?.severity, "high");
        assert.match(finding?.summary ?? "", /__NEXT_DATA__/);
        assert.match(finding?.summary ?? "", /NEXT_PUBLIC_/);
      },
    },
  ],
  safe: [
    ...SHARED_SAFE,
    {
      name: "an Anthropic key is not an OpenAI key",
      site: recordedBundleSite(minified(sample("anthropic-api-key"))),
    },
  ],
});

testCheck("secret.anthropic-api-key", {
  vulnerable: [{ name: "an API key in a bundle", site: bundleSite(minified(sample("anthropic-api-key"))) }],
  safe: SHARED_SAFE,
});

testCheck("secret.aws-access-key", {
  vulnerable: [
    {
      name: "a key id with its secret access key is critical",
      site: bundleSite(minified(sample("aws-access-key", 0))),
      expect: (finding, report) => {
        assert.equal(finding?.severity, "critical");
        const pair = sample("aws-access-key", 0);
        const secretKey = /secretAccessKey:"([^"]+)"/.exec(pair)?.[1] ?? "";
        assert.ok(secretKey.length === 40 && !JSON.stringify(report).includes(secretKey));
      },
    },
    {
      name: "a key id alone is low",
      site: recordedBundleSite(minified(sample("aws-access-key", 1))),
      expect: (finding) => assert.equal(finding?.severity, "low"),
    },
  ],
  safe: SHARED_SAFE,
});

testCheck("secret.github-token", {
  vulnerable: [
    { name: "a classic token in a bundle", site: bundleSite(minified(sample("github-token", 0))) },
    {
      name: "a fine-grained token in an inline script",
      site: recordedInlineScriptSite(sample("github-token", 1)),
    },
  ],
  safe: SHARED_SAFE,
});

testCheck("secret.supabase-service-role-key", {
  vulnerable: [
    {
      name: "a service_role JWT beside the project URL",
      site: bundleSite(minified(sample("supabase-jwt", 0))),
      expect: (finding) => {
        assert.equal(finding?.severity, "critical");
        assert.match(finding?.summary ?? "", /service_role/);
      },
    },
    { name: "an sb_secret_ key", site: recordedBundleSite(minified(sample("supabase-api-key", 0))) },
  ],
  safe: [
    ...SHARED_SAFE,
    {
      name: "the anon key and a publishable key (public by design)",
      site: recordedBundleSite(
        minified(
          [
            ...RULES.find((r) => r.name === "supabase-jwt")!.samples.public!,
            ...RULES.find((r) => r.name === "supabase-api-key")!.samples.public!,
          ].join(";"),
        ),
      ),
    },
  ],
});

const PEM = join(
  "-----BEGIN ",
  "RSA PRIVATE KEY-----\n",
  fakeChars("pem-test", 1600, BASE64).replace(/.{64}/g, "$&\n"),
  "\n-----END RSA PRIVATE KEY-----",
);

testCheck("secret.private-key", {
  vulnerable: [
    { name: "an RSA key in a template string", site: recordedBundleSite(minified(sample("private-key", 0))) },
    {
      name: "a key in a source map's original file",
      site: sourceMapSite({ "../src/jwt.ts": `const signingKey = \`${PEM}\`;` }),
    },
  ],
  safe: [
    ...SHARED_SAFE,
    {
      name: "a public key and a certificate",
      site: recordedBundleSite(
        minified(RULES.find((r) => r.name === "private-key")!.samples.notSecret.join(";")),
      ),
    },
  ],
});

testCheck("secret.database-url", {
  vulnerable: [
    {
      name: "a Postgres URL with a password",
      site: bundleSite(minified(sample("database-url", 0))),
      expect: (finding) =>
        assert.match(finding?.summary ?? "", /postgresql:\/\/app_user:…@db\.shop-backend\.net/),
    },
    {
      name: "a MongoDB Atlas URL in __NEXT_DATA__",
      site: recordedNextDataSite({ mongo: secretIn(sample("database-url", 1)) }),
    },
  ],
  safe: SHARED_SAFE,
});

testCheck("secret.slack-token", {
  vulnerable: [
    {
      name: "a bot token",
      site: bundleSite(minified(sample("slack-token", 0))),
      expect: (f) => assert.equal(f?.severity, "critical"),
    },
    {
      name: "an incoming webhook is medium",
      site: recordedBundleSite(minified(sample("slack-token", 1))),
      expect: (f) => assert.equal(f?.severity, "medium"),
    },
  ],
  safe: SHARED_SAFE,
});

testCheck("secret.sendgrid-api-key", {
  vulnerable: [{ name: "an API key in a bundle", site: bundleSite(minified(sample("sendgrid-api-key"))) }],
  safe: SHARED_SAFE,
});

testCheck("secret.google-oauth-secret", {
  vulnerable: [
    {
      name: "an OAuth client secret is medium",
      site: bundleSite(minified(sample("google-oauth-client-secret"))),
      expect: (f) => assert.equal(f?.severity, "medium"),
    },
    {
      name: "a service-account key file is critical, and is not reported again as a private key",
      site: bundleSite(minified(`const credentials=${sample("google-service-account")}`)),
      scan: { only: ["secret.google-oauth-secret", "secret.private-key"] },
      expect: (finding, report) => {
        assert.equal(finding?.severity, "critical");
        assert.deepEqual(
          report.findings.filter((f) => f.id === "secret.private-key"),
          [],
        );
      },
    },
  ],
  safe: SHARED_SAFE,
});

testCheck("secret.generic", {
  vulnerable: [
    {
      name: "a credential-named random value in a runtime config",
      site: inlineScriptSite(sample("generic-secret", 1)),
      expect: (finding) => assert.match(finding?.summary ?? "", /medium confidence/),
    },
    { name: "an apiSecret in a bundle", site: recordedBundleSite(minified(sample("generic-secret", 0))) },
    {
      name: "an unquoted KEY=value line in a served .env file",
      site: recordedBundleSite(sample("generic-env-line", 0)),
      expect: (finding) => assert.match(finding?.summary ?? "", /STRIPE_WEBHOOK_SECRET/),
    },
  ],
  safe: [
    ...SHARED_SAFE,
    {
      name: "a Firebase config's apiKey is public, not a generic secret",
      site: recordedBundleSite(
        minified(RULES.find((r) => r.name === "firebase-web-api-key")!.samples.public![0]!),
      ),
    },
    // A provider rule wins over the generic one: one finding per key, under its provider's id.
    {
      name: "a Stripe key under a secret-sounding name",
      site: recordedBundleSite(minified(`stripeSecret:"${secretIn(sample("stripe-secret-key", 0))}"`)),
    },
    {
      name: "Yarn's public npm-search Algolia key",
      site: recordedBundleSite(minified(`apiKey:"${["6fe4476ee5a183288", "2e326b506d14126"].join("")}"`)),
    },
  ],
});

testCheck("secret.ai-provider-key", {
  vulnerable: [
    {
      name: "a Hugging Face token in a bundle",
      site: bundleSite(minified(sample("huggingface-token"))),
      expect: (f) => assert.equal(f?.severity, "high"),
    },
    { name: "a Groq key", site: recordedBundleSite(minified(sample("groq-api-key"))) },
    { name: "an OpenRouter key", site: recordedBundleSite(minified(sample("openrouter-api-key"))) },
  ],
  safe: [
    ...SHARED_SAFE,
    { name: "an OpenAI key is its own id", site: recordedBundleSite(minified(sample("openai-api-key"))) },
  ],
});

testCheck("secret.email-provider-key", {
  vulnerable: [
    { name: "a Mailgun key beside the SDK", site: bundleSite(minified(sample("mailgun-api-key"))) },
    { name: "a Resend key", site: recordedBundleSite(minified(sample("resend-api-key"))) },
    { name: "a Brevo key", site: recordedBundleSite(minified(sample("brevo-api-key"))) },
  ],
  safe: [
    ...SHARED_SAFE,
    { name: "a SendGrid key is its own id", site: recordedBundleSite(minified(sample("sendgrid-api-key"))) },
  ],
});

testCheck("secret.twilio-api-key", {
  vulnerable: [
    { name: "an API key SK...", site: bundleSite(minified(sample("twilio-api-key", 0))) },
    {
      name: "an account SID with its auth token, both redacted",
      site: recordedBundleSite(minified(sample("twilio-api-key", 1))),
      expect: (finding, report) => {
        const token = /authToken:"([0-9a-f]{32})"/.exec(sample("twilio-api-key", 1))?.[1] ?? "";
        assert.ok(token.length === 32 && !JSON.stringify(report).includes(token));
        neverShown(sample("twilio-api-key", 1))?.(finding, report);
      },
    },
  ],
  safe: [
    ...SHARED_SAFE,
    {
      name: "an account SID alone",
      site: recordedBundleSite(
        minified(RULES.find((r) => r.name === "twilio-api-key")!.samples.notSecret[0]!),
      ),
    },
  ],
});

testCheck("secret.payment-provider-key", {
  vulnerable: [
    {
      name: "a Square access token is critical",
      site: bundleSite(minified(sample("square-token"))),
      expect: (f) => assert.equal(f?.severity, "critical"),
    },
    {
      name: "a Braintree production token",
      site: recordedBundleSite(minified(sample("braintree-access-token"))),
    },
    {
      name: "a Razorpay key secret with its id",
      site: recordedBundleSite(minified(sample("razorpay-key-secret"))),
    },
  ],
  safe: [
    ...SHARED_SAFE,
    {
      name: "a Razorpay key id alone, as Checkout takes it",
      site: recordedBundleSite(
        minified(RULES.find((r) => r.name === "razorpay-key-secret")!.samples.notSecret[0]!),
      ),
    },
    {
      name: "a Stripe key is its own id",
      site: recordedBundleSite(minified(sample("stripe-secret-key"))),
    },
  ],
});

testCheck("secret.gitlab-token", {
  vulnerable: [
    {
      name: "a personal access token is critical and redacted",
      site: bundleSite(minified(sample("gitlab-token", 0))),
      expect: (finding, report) => {
        assert.equal(finding?.severity, "critical");
        assert.match(finding?.summary ?? "", /glpat-…/);
        neverShown(sample("gitlab-token", 0))?.(finding, report);
      },
    },
    { name: "a runner registration token", site: recordedBundleSite(minified(sample("gitlab-token", 2))) },
  ],
  safe: SHARED_SAFE,
});

testCheck("secret.npm-token", {
  vulnerable: [{ name: "an .npmrc line with a token", site: bundleSite(sample("npm-token")) }],
  safe: SHARED_SAFE,
});

testCheck("secret.telegram-bot-token", {
  vulnerable: [
    { name: "a token in a Bot API URL", site: bundleSite(minified(sample("telegram-bot-token", 0))) },
    {
      name: "a token under a bot-token name",
      site: recordedBundleSite(minified(sample("telegram-bot-token", 1))),
    },
  ],
  safe: SHARED_SAFE,
});

/** Every sample secret, in every place the browser downloads: bundle, inline script, __NEXT_DATA__, source map. */
function everywhereSite(): { handler: Handler; secrets: string[] } {
  const samples = RULES.flatMap((rule) => rule.samples.secret);
  const secrets = samples.flatMap((text) =>
    scanText(text)
      .filter((m) => m.kind === "secret")
      .map((m) => m.secret),
  );
  const files = Object.fromEntries(samples.map((text, index) => [`../src/config-${index}.ts`, text]));
  const map = JSON.stringify({
    version: 3,
    sources: Object.keys(files),
    sourcesContent: Object.values(files),
    mappings: "AAAA",
  });
  const nextData = JSON.stringify({ props: { pageProps: { env: secrets.slice(0, 5) } } });
  const html = `<!doctype html><html><head><script src="/assets/app.js"></script><script>${samples.slice(0, 6).join(";\n")}</script><script id="__NEXT_DATA__" type="application/json">${nextData}</script></head><body></body></html>`;
  return {
    secrets,
    handler: (req, res) => {
      const path = (req.url ?? "/").split("?")[0];
      if (path === "/") res.writeHead(200, { "content-type": "text/html" }).end(html);
      else if (path === "/assets/app.js")
        res
          .writeHead(200, { "content-type": "text/javascript" })
          .end(`${minified(samples.join(";\n"))}\n//# sourceMappingURL=app.js.map`);
      else if (path === "/assets/app.js.map")
        res.writeHead(200, { "content-type": "application/json" }).end(map);
      else res.writeHead(404, { "content-type": "text/plain" }).end("Not Found");
    },
  };
}

describe("secret family", () => {
  const servers: TestServer[] = [];
  after(async () => Promise.all(servers.map((server) => server.close())));

  it("never prints a full secret in any report format", async () => {
    const { handler, secrets } = everywhereSite();
    const server = await startServer(handler);
    servers.push(server);
    const report = await scanFixture(server, { only: ["secret", "exposure"] });
    assert.ok(secrets.length >= 25, `expected every sample secret, got ${secrets.length}`);
    const ids = new Set(report.findings.map((finding) => finding.id));
    for (const rule of RULES)
      if (rule.samples.secret.length > 0) assert.ok(ids.has(rule.findingId), `no ${rule.findingId}`);
    for (const format of ["json", "sarif", "text", "html"] as const) {
      const output = render(report, format);
      for (const secret of secrets) {
        assert.ok(
          !output.includes(secret),
          `${format} output contains a full secret (${secret.slice(0, 8)}…)`,
        );
        // Minified or JSON-escaped forms must not slip through either.
        assert.ok(
          !output.includes(JSON.stringify(secret).slice(1, -1)),
          `${format} output contains an escaped secret`,
        );
      }
    }
  });

  it("reports one key found in the page and a bundle once, listing both", async () => {
    const key = sample("stripe-secret-key", 0);
    const server = await startServer(
      bundleSite(minified(key), {
        "/": {
          type: "text/html",
          body: `<html><head><script>${key}</script><script src="/assets/index-8c1f2a.js"></script></head></html>`,
        },
      }),
    );
    servers.push(server);
    const report = await scanFixture(server, { only: ["secret.stripe-secret-key"] });
    assert.equal(report.findings.length, 1);
    assert.equal(report.findings[0]?.urls.length, 2);
  });

  for (const [name, site] of [
    ["a single-page app answering 200 with index.html everywhere", SPA],
    ["a catch-all JSON 404-as-200 API", jsonCatchAll],
    ["a CDN-fronted site with 403 block pages", CDN],
    ["a bundle full of public keys, documented examples and look-alikes", bundleSite(lookAlikeBundle())],
  ] as const) {
    it(`stays silent on ${name}`, async () => {
      const server = await startServer(site);
      servers.push(server);
      const report = await scanFixture(server, { only: ["secret"] });
      assert.equal(report.outcome, "complete");
      assert.deepEqual(
        report.findings.map((finding) => `${finding.id}: ${finding.summary}`),
        [],
      );
    });
  }
});
