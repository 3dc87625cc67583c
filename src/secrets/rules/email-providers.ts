import { CVSS_SEND_AS_YOU } from "../cvss-vectors.ts";
import { BASE62, fakeChars, HEX, join } from "../fake.ts";
import { isPlaceholder } from "../placeholder.ts";
import { prefixedTokenRule } from "../prefixed-token.ts";
import type { SecretRule } from "../rule.ts";
import { looksRandom } from "../token-shape.ts";

const ID = "secret.email-provider-key";
/** How far from the provider's name a key without a prefix of its own may sit. */
const NEAR = 300;

/** Brevo (ex-Sendinblue) API and SMTP keys: xkeysib-/xsmtpsib- + 64 hex + "-" + 16 characters. */
export const brevoApiKey = prefixedTokenRule({
  name: "brevo-api-key",
  provider: "Brevo",
  findingId: ID,
  prefixes: ["xkeysib-", "xsmtpsib-"],
  tail: "[0-9a-f]{64}-[A-Za-z0-9]{16}",
  label: (_secret, prefix) => (prefix === "xsmtpsib-" ? "Brevo SMTP key" : "Brevo API key"),
  cvss: CVSS_SEND_AS_YOU,
  minEntropy: 3.3,
  samples: {
    secret: [
      `headers:{"api-key":"${join("xkey", "sib-", fakeChars("brevo-1", 64, HEX), "-", fakeChars("brevo-2", 16))}"}`,
    ],
    notSecret: [`xkeysib-${"0".repeat(64)}-${"x".repeat(16)}`],
  },
});

/**
 * Keys with no prefix of their own (a Mailgun `key-` + 32 hex, a Postmark server token that is a UUID, a
 * Resend `re_` key, a Mailchimp key ending in its datacenter `-us21`) are recognised only beside the
 * provider's name: `re_` and `key-` alone are everywhere in code, and a UUID is anything.
 */
function contextRule(spec: {
  name: string;
  provider: string;
  keywords: string[];
  pattern: RegExp;
  label: string;
  random: (secret: string) => string;
  minEntropy: number;
  minClasses: number;
  samples: SecretRule["samples"];
}): SecretRule {
  return {
    name: spec.name,
    provider: spec.provider,
    findingId: ID,
    keywords: spec.keywords,
    keywordsIgnoreCase: true,
    window: { before: NEAR, after: NEAR },
    pattern: spec.pattern,
    confidence: "high",
    verify(secret) {
      if (isPlaceholder(secret) || !looksRandom(spec.random(secret), spec.minEntropy, spec.minClasses))
        return null;
      return { kind: "secret", label: spec.label, cvss: CVSS_SEND_AS_YOU };
    },
    visiblePrefix: (secret) => /^(?:key-|re_)/.exec(secret)?.[0] ?? "",
    samples: spec.samples,
  };
}

export const mailgunApiKey = contextRule({
  name: "mailgun-api-key",
  provider: "Mailgun",
  keywords: ["mailgun"],
  // The private API key; `pubkey-` (the public validation key) is refused by the look-behind.
  pattern:
    /(?<![A-Za-z0-9_-])(?<secret>key-[0-9a-f]{32}|[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8})(?![A-Za-z0-9_-])/g,
  label: "Mailgun API key",
  random: (secret) => secret.replace(/^key-/, "").replace(/-/g, ""),
  minEntropy: 3.3,
  minClasses: 1,
  samples: {
    secret: [
      `const mg=mailgun.client({username:"api",key:"${join("ke", "y-", fakeChars("mailgun-1", 32, HEX))}"})`,
      `MAILGUN_API_KEY="${fakeChars("mailgun-2", 32, HEX)}-${fakeChars("mailgun-3", 8, HEX)}-${fakeChars("mailgun-4", 8, HEX)}"`,
    ],
    notSecret: [
      `mailgun.validate({key:"${join("pub", "key-", fakeChars("mailgun-pub", 32, HEX))}"})`,
      // A React list key, not hex.
      `<li key="key-${fakeChars("mailgun-far", 32, BASE62)}">`,
    ],
  },
});

export const postmarkServerToken = contextRule({
  name: "postmark-server-token",
  provider: "Postmark",
  keywords: ["postmark"],
  pattern:
    /(?<![A-Za-z0-9_-])(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![A-Za-z0-9_-])/g,
  label: "Postmark server token",
  random: (secret) => secret.replace(/-/g, ""),
  minEntropy: 3.3,
  minClasses: 1,
  samples: {
    secret: [
      `new postmark.ServerClient("${fakeChars("pm-1", 8, HEX)}-${fakeChars("pm-2", 4, HEX)}-${fakeChars("pm-3", 4, HEX)}-${fakeChars("pm-4", 4, HEX)}-${fakeChars("pm-5", 12, HEX)}")`,
    ],
    notSecret: ['{"X-Postmark-Server-Token":"00000000-0000-0000-0000-000000000000"}'],
  },
});

export const resendApiKey = contextRule({
  name: "resend-api-key",
  provider: "Resend",
  keywords: ["resend"],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>re_[A-Za-z0-9]{8}_[A-Za-z0-9]{24})(?![A-Za-z0-9_-])/g,
  label: "Resend API key",
  random: (secret) => secret.slice(3).replace("_", ""),
  minEntropy: 4,
  minClasses: 2,
  samples: {
    secret: [
      `const resend=new Resend("${join("re", "_", fakeChars("resend-1", 8), "_", fakeChars("resend-2", 24))}")`,
    ],
    notSecret: ["resend(); re_render_scheduled_component_update_callbacks()", 'const r="re_123456789"'],
  },
});

export const mailchimpApiKey = contextRule({
  name: "mailchimp-api-key",
  provider: "Mailchimp",
  keywords: ["mailchimp"],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>[0-9a-f]{32}-us\d{1,2})(?![A-Za-z0-9_-])/g,
  label: "Mailchimp API key",
  random: (secret) => secret.slice(0, 32),
  minEntropy: 3.3,
  minClasses: 1,
  samples: {
    secret: [`mailchimp.setConfig({apiKey:"${fakeChars("mailchimp-1", 32, HEX)}-us21",server:"us21"})`],
    notSecret: [
      `mailchimp.setConfig({apiKey:"${"0".repeat(32)}-us21"})`,
      `"${fakeChars("mc-far", 32, BASE62)}-us21"`,
    ],
  },
});
