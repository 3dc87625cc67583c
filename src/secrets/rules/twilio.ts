import { CVSS_SEND_AS_YOU } from "../cvss-vectors.ts";
import { fakeChars, HEX, join, UPPER_DIGITS } from "../fake.ts";
import { isPlaceholder } from "../placeholder.ts";
import type { MatchContext, SecretRule } from "../rule.ts";
import { looksRandom } from "../token-shape.ts";

const NEAR = 300;
/** A 32-hex value named as the account's auth token (`authToken: "..."`, `TWILIO_AUTH_TOKEN=...`). */
const AUTH_TOKEN = /auth_?token\\?["'`]?\s*[:=,]\s*\\?["'`]?([0-9a-f]{32})(?![0-9A-Za-z])/gi;

/**
 * Twilio API keys (`SK` + 32 hex) and account SIDs (`AC` + 32 hex) with the auth token beside them. The
 * SID alone names the account and is no secret; the token with it is the whole account (SMS, calls,
 * recordings). Both prefixes are two letters found everywhere in code, so the rule looks only near the
 * word "twilio" (the SDK import, the api.twilio.com URL, the variable names).
 */
export const twilioApiKey: SecretRule = {
  name: "twilio-api-key",
  provider: "Twilio",
  findingId: "secret.twilio-api-key",
  keywords: ["twilio"],
  keywordsIgnoreCase: true,
  window: { before: NEAR, after: NEAR },
  pattern: /(?<![A-Za-z0-9_-])(?<secret>(?:SK|AC)[0-9a-fA-F]{32})(?![A-Za-z0-9_-])/g,
  confidence: "high",
  verify(secret, context) {
    if (isPlaceholder(secret) || !looksRandom(secret.slice(2), 3.3, 1)) return null;
    if (secret.startsWith("SK")) return { kind: "secret", label: "Twilio API key", cvss: CVSS_SEND_AS_YOU };
    const token = authTokenNear(context);
    return token
      ? {
          kind: "secret",
          label: "Twilio account SID with its auth token",
          cvss: CVSS_SEND_AS_YOU,
          related: [token],
        }
      : null;
  },
  visiblePrefix: (secret) => secret.slice(0, 2),
  samples: {
    secret: [
      `const client=require("twilio")("${join("S", "K", fakeChars("twilio-sk", 32, HEX))}",apiSecret,{accountSid})`,
      `twilio({accountSid:"${join("A", "C", fakeChars("twilio-ac", 32, HEX))}",authToken:"${fakeChars("twilio-token", 32, HEX)}"})`,
    ],
    notSecret: [
      // The SID alone names the account, nothing more.
      `twilio.init({accountSid:"${join("A", "C", fakeChars("twilio-sid", 32, HEX))}"})`,
      // A product code shaped like a key id, but not hex.
      `twilio.notify({sku:"${join("S", "K", fakeChars("no-twilio", 32, UPPER_DIGITS))}"})`,
    ],
  },
};

function authTokenNear(context: MatchContext): readonly [number, number] | undefined {
  const from = Math.max(0, context.start - NEAR);
  const window = context.text.slice(from, Math.min(context.text.length, context.end + NEAR));
  AUTH_TOKEN.lastIndex = 0;
  for (let match = AUTH_TOKEN.exec(window); match; match = AUTH_TOKEN.exec(window)) {
    const token = match[1] ?? "";
    if (!looksRandom(token, 3.3, 1) || isPlaceholder(token)) continue;
    const start = from + match.index + match[0].lastIndexOf(token);
    return [start, start + token.length];
  }
  return undefined;
}
