import { CVSS_PAID_API_ABUSE } from "../cvss-vectors.ts";
import { BASE64URL, fakeChars, join } from "../fake.ts";
import type { SecretRule } from "../rule.ts";
import { looksRandom } from "../token-shape.ts";

/** Anthropic API and admin keys: sk-ant-api03-... / sk-ant-admin01-... */
export const anthropicApiKey: SecretRule = {
  name: "anthropic-api-key",
  provider: "Anthropic",
  findingId: "secret.anthropic-api-key",
  keywords: ["sk-ant-"],
  window: { before: 1, after: 160 },
  // Every key ends in "AA": a look-alike of the same length without it is not a key.
  pattern:
    /(?<![A-Za-z0-9_-])(?<secret>sk-ant-(?:api|admin|oat|sid)\d{2}-[A-Za-z0-9_-]{78,118}AA)(?![A-Za-z0-9_-])/g,
  confidence: "high",
  // Also starts with "sk-": checked before OpenAI's rule.
  priority: -1,
  verify(secret) {
    if (!looksRandom(secret.replace(/^sk-ant-[a-z]+\d{2}-/, ""), 4)) return null;
    const admin = secret.startsWith("sk-ant-admin");
    return {
      kind: "secret",
      label: admin ? "Anthropic admin key" : "Anthropic API key",
      cvss: CVSS_PAID_API_ABUSE,
    };
  },
  visiblePrefix: (secret) => /^sk-ant-[a-z]+\d{2}-/.exec(secret)?.[0] ?? "",
  samples: {
    secret: [
      `new Anthropic({apiKey:"${join("sk-", "ant-", "api03-", fakeChars("anthropic", 93, BASE64URL), "AA")}"})`,
      `ANTHROPIC_API_KEY:'${join("sk-", "ant-", "admin01-", fakeChars("anthropic-admin", 93, BASE64URL), "AA")}'`,
    ],
    notSecret: [
      "sk-ant-api03-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
      'const risk-ant-colony = "sk-ant-"',
      "sk-ant-api03-...",
      // The right length and alphabet, but not the closing "AA" every key has.
      `const k="${join("sk-", "ant-", "api03-", fakeChars("anthropic-no-aa", 93, BASE64URL), "Zq")}"`,
    ],
  },
};
