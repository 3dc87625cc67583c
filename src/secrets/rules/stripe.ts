import { CVSS_TEST_KEY } from "../cvss-vectors.ts";
import { BASE62, fakeChars, join } from "../fake.ts";
import { isPlaceholder } from "../placeholder.ts";
import type { SecretRule } from "../rule.ts";
import { looksRandom } from "../token-shape.ts";
import { isClerkPublishableKey } from "./clerk.ts";

const PREFIX = /^[a-z]{2}_(?:live|test)_/;

/** Stripe secret (sk_) and restricted (rk_) keys; test-mode keys touch no real money and rate low. */
export const stripeSecretKey: SecretRule = {
  name: "stripe-secret-key",
  provider: "Stripe",
  findingId: "secret.stripe-secret-key",
  keywords: ["_live_", "_test_"],
  window: { before: 3, after: 260 },
  pattern: /(?<![A-Za-z0-9_])(?<secret>[sr]k_(?:live|test)_[A-Za-z0-9]{20,247})(?![A-Za-z0-9_])/g,
  confidence: "high",
  verify(secret) {
    if (isPlaceholder(secret) || !looksRandom(secret.replace(PREFIX, ""), 3.5)) return null;
    const restricted = secret.startsWith("rk_");
    const test = secret.includes("_test_");
    const label = `Stripe ${test ? "test-mode " : "live "}${restricted ? "restricted" : "secret"} key`;
    return test
      ? { kind: "secret", label, cvss: CVSS_TEST_KEY, confidence: "high" }
      : { kind: "secret", label };
  },
  visiblePrefix: (secret) => PREFIX.exec(secret)?.[0] ?? "",
  samples: {
    secret: [
      `const stripe = Stripe("${join("sk_", "live_", "51", fakeChars("stripe-live", 97))}");`,
      `{"key":"${join("rk_", "live_", fakeChars("stripe-restricted", 99))}"}`,
      `STRIPE_SECRET_KEY:"${join("sk_", "test_", "51", fakeChars("stripe-test", 97))}"`,
    ],
    notSecret: [
      "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx",
      "sk_live_your_secret_key_here_please",
      "const key = process.env.STRIPE_SECRET_KEY; // sk_live_...",
      "function ask_live_session(){return task_live_stream}",
      `sk_live_${"abcdefghij".repeat(3)}`,
      // Stripe's documentation key, printed in every quickstart.
      `Stripe.apiKey = "${join("sk_", "test_", "4eC39HqLyjWDarjtT1zdp7dc")}";`,
    ],
  },
};

/** Stripe publishable keys: made for the browser, never a secret. */
export const stripePublishableKey: SecretRule = {
  name: "stripe-publishable-key",
  provider: "Stripe",
  findingId: "info.public-key",
  keywords: ["_live_", "_test_"],
  window: { before: 3, after: 260 },
  pattern: /(?<![A-Za-z0-9_])(?<secret>pk_(?:live|test)_[A-Za-z0-9]{20,247})(?![A-Za-z0-9_])/g,
  confidence: "high",
  verify(secret) {
    if (isClerkPublishableKey(secret)) return null;
    return {
      kind: "public",
      label: `Stripe ${secret.includes("_test_") ? "test-mode " : ""}publishable key`,
      provider: "stripe",
      facts: { mode: secret.includes("_test_") ? "test" : "live" },
    };
  },
  visiblePrefix: (secret) => PREFIX.exec(secret)?.[0] ?? "",
  samples: {
    secret: [],
    notSecret: [],
    public: [`loadStripe("${join("pk_", "live_", "51", fakeChars("stripe-pk", 97, BASE62))}")`],
  },
};
