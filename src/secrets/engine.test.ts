import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { scanText, findSecrets } from "./engine.ts";
import { BASE62, BASE64URL, fakeChars, fakeJwt, join } from "./fake.ts";
import { positionOf, publicEnvPrefix, variableBefore } from "./location.ts";
import { isPlaceholder } from "./placeholder.ts";
import { classifyKey, findPublicKeys } from "./public-keys.ts";
import { redactSecret, replaceSpans } from "./redact.ts";

const STRIPE_LIVE = join("sk_", "live_", "51", fakeChars("engine-stripe", 97));
const REF = "abcdefghijklmnopqrst";
const ANON = fakeJwt({ iss: "supabase", ref: REF, role: "anon", iat: 1700000000 }, "engine-anon");
const SERVICE = fakeJwt(
  { iss: "supabase", ref: REF, role: "service_role", iat: 1700000000 },
  "engine-service",
);

describe("redaction", () => {
  it("shows the provider prefix and at most the last four characters", () => {
    const redacted = redactSecret(STRIPE_LIVE, "sk_live_");
    assert.equal(redacted, `sk_live_…${STRIPE_LIVE.slice(-4)}`);
  });

  it("shows less of short secrets", () => {
    assert.equal(redactSecret("abcdefghijklmnopq"), "…pq");
    assert.equal(redactSecret("abcdefgh"), "…");
  });

  it("never uses a prefix the secret does not start with", () => {
    assert.equal(redactSecret("xyz0123456789abcdefghijklmnop", "sk_"), "…mnop");
  });

  it("replaces spans in order and ignores overlaps", () => {
    assert.equal(
      replaceSpans("0123456789", [
        { start: 6, end: 8, replacement: "B" },
        { start: 1, end: 3, replacement: "A" },
        { start: 2, end: 4, replacement: "X" },
      ]),
      "0A345B89",
    );
  });
});

describe("placeholders", () => {
  for (const value of [
    "AKIAIOSFODNN7EXAMPLE",
    "${STRIPE_SECRET_KEY}",
    "<YOUR_KEY>",
    "your-api-key-here",
    "sk_live_xxxxxxxxxxxxxxxxxxxx",
    "{{ secrets.TOKEN }}",
    "process.env.OPENAI_API_KEY",
    "aaaaaaaaaaaaaaaaaaaa",
    "1234567890abcdefghij",
  ]) {
    it(`treats ${JSON.stringify(value)} as a placeholder`, () => assert.ok(isPlaceholder(value)));
  }
  it("does not treat random characters as a placeholder", () => {
    assert.ok(!isPlaceholder(fakeChars("not-a-placeholder", 40)));
  });
});

describe("scanText", () => {
  it("reports a provider key once, under its provider, not also as a generic secret", () => {
    const matches = findSecrets(`const cfg={stripeSecret:"${STRIPE_LIVE}"}`);
    assert.deepEqual(
      matches.map((m) => m.rule.name),
      ["stripe-secret-key"],
    );
  });

  it("finds keys in two-byte text (emoji, accents) at the right offsets", () => {
    const text = `const msg="Prêt ✅ 🎉";const k="${STRIPE_LIVE}";`;
    const [match] = findSecrets(text);
    assert.equal(text.slice(match!.start, match!.end), STRIPE_LIVE);
  });

  it("finds a generic secret in JSON escaped inside a JS string", () => {
    const value = fakeChars("escaped-json", 32);
    const matches = findSecrets(`JSON.parse("{\\"apiSecret\\":\\"${value}\\"}")`);
    assert.equal(matches[0]?.secret, value);
  });

  it("tells a service_role JWT (secret) from an anon JWT (public)", () => {
    const matches = scanText(`createClient("https://${REF}.supabase.co","${ANON}");admin("${SERVICE}")`);
    assert.deepEqual(
      matches.map((m) => [m.kind, m.label]),
      [
        ["public", "Supabase anon key"],
        ["secret", "Supabase service_role key"],
      ],
    );
  });

  it("stays bounded on hostile text full of key-shaped strings", () => {
    const jwt = fakeJwt({ iss: "supabase", ref: REF, role: "authenticated" }, "hostile");
    const text = Array.from({ length: 20_000 }, () => jwt).join(" ");
    assert.deepEqual(scanText(text), []);
  });

  it("ignores short sk-/re_ substrings of minified code", () => {
    assert.deepEqual(findSecrets('const task-1="sk-1",re_render=1,desk_live_x=2,risk-ant-hill="x"'), []);
  });
});

describe("public keys", () => {
  it("classifies single values", () => {
    assert.deepEqual(classifyKey(ANON), {
      kind: "public",
      rule: "supabase-jwt",
      provider: "supabase",
      label: "Supabase anon key",
      facts: { role: "anon", ref: REF, url: `https://${REF}.supabase.co` },
    });
    assert.equal(classifyKey(SERVICE)?.kind, "secret");
    assert.equal(classifyKey(SERVICE)?.findingId, "secret.supabase-service-role-key");
    assert.equal(classifyKey(join("pk_", "test_", fakeChars("pk", 99)))?.provider, "stripe");
    assert.equal(classifyKey(STRIPE_LIVE)?.findingId, "secret.stripe-secret-key");
    assert.equal(classifyKey("hello world"), undefined);
  });

  it("reads a Firebase web config around its apiKey", () => {
    const apiKey = join("AI", "za", fakeChars("firebase-engine", 35, BASE64URL));
    const [key] = findPublicKeys(
      `initializeApp({apiKey:"${apiKey}",authDomain:"shop-7f3a.firebaseapp.com",projectId:"shop-7f3a",databaseURL:"https://shop-7f3a-default-rtdb.firebaseio.com",storageBucket:"shop-7f3a.appspot.com"})`,
    );
    assert.equal(key?.provider, "firebase");
    assert.equal(key?.value, apiKey);
    assert.ok(!key?.redacted.includes(apiKey));
    assert.deepEqual(key?.facts, {
      projectId: "shop-7f3a",
      authDomain: "shop-7f3a.firebaseapp.com",
      databaseURL: "https://shop-7f3a-default-rtdb.firebaseio.com",
      storageBucket: "shop-7f3a.appspot.com",
    });
  });

  it("finds sb_publishable_ keys with the project URL beside them", () => {
    const key = join("sb_", "publishable_", fakeChars("sb-pub-engine", 31, BASE62));
    const [found] = findPublicKeys(`createClient("https://${REF}.supabase.co","${key}")`);
    assert.equal(found?.facts.url, `https://${REF}.supabase.co`);
  });
});

describe("location", () => {
  it("gives 1-based line and column", () => {
    assert.deepEqual(positionOf("ab\ncd\nef", 7), { line: 3, column: 2 });
    assert.deepEqual(positionOf("abc", 0), { line: 1, column: 1 });
  });

  it("names the variable a value is assigned to", () => {
    const text = 'window.env={NEXT_PUBLIC_STRIPE_KEY:"';
    assert.equal(variableBefore(text, text.length), "NEXT_PUBLIC_STRIPE_KEY");
    assert.equal(publicEnvPrefix("NEXT_PUBLIC_STRIPE_KEY"), "NEXT_PUBLIC_");
    assert.equal(variableBefore('const x = foo("', 15), undefined);
  });
});

describe("hostile input", () => {
  it("survives more keyword hits than a function call takes arguments", () => {
    const text = "sk_test_ sk_live_ ".repeat(150_000);
    assert.deepEqual(findSecrets(text), []);
  });
});
