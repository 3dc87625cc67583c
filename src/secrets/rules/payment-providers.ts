import { CVSS_ACCOUNT_TAKEOVER } from "../cvss-vectors.ts";
import { BASE62, BASE64URL, fakeChars, HEX, join } from "../fake.ts";
import { isPlaceholder } from "../placeholder.ts";
import { prefixedTokenRule } from "../prefixed-token.ts";
import type { MatchContext, SecretRule } from "../rule.ts";
import { looksRandom } from "../token-shape.ts";

const ID = "secret.payment-provider-key";
const LOWER_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";

/**
 * Live payment credentials other than Stripe's (its own id). Publishable keys and key ids made for the
 * browser (Square application ids, a Razorpay key id alone) are not secrets and stay silent. Adyen's API
 * keys have no documented fixed shape to recognise them by, so they are left to the generic rule.
 */
export const squareToken = prefixedTokenRule({
  name: "square-token",
  provider: "Square",
  findingId: ID,
  prefixes: ["sq0atp-", "sq0csp-"],
  tail: "[A-Za-z0-9_-]{22,60}",
  label: (_secret, prefix) => (prefix === "sq0csp-" ? "Square application secret" : "Square access token"),
  cvss: CVSS_ACCOUNT_TAKEOVER,
  samples: {
    secret: [
      `const client=new Client({accessToken:"${join("sq0", "atp-", fakeChars("square-1", 22, BASE64URL))}"})`,
      `{"SQUARE_APP_SECRET":"${join("sq0", "csp-", fakeChars("square-2", 43, BASE64URL))}"}`,
    ],
    notSecret: [
      "sq0atp-xxxxxxxxxxxxxxxxxxxxxx",
      `applicationId:"${join("sq0", "idp-", fakeChars("square-id", 22, BASE64URL))}"`,
    ],
  },
});

/** Square's newer access tokens are `EAAA` + 60 characters; the prefix is shared with others, so beside "square". */
export const squareOAuthToken: SecretRule = {
  name: "square-oauth-token",
  provider: "Square",
  findingId: ID,
  keywords: ["square"],
  keywordsIgnoreCase: true,
  window: { before: 300, after: 300 },
  pattern: /(?<![A-Za-z0-9_-])(?<secret>EAAA[A-Za-z0-9_-]{60})(?![A-Za-z0-9_-])/g,
  confidence: "high",
  verify(secret) {
    if (isPlaceholder(secret) || !looksRandom(secret.slice(4), 4)) return null;
    return { kind: "secret", label: "Square access token", cvss: CVSS_ACCOUNT_TAKEOVER };
  },
  visiblePrefix: () => "EAAA",
  samples: {
    secret: [
      `const square=new SquareClient({token:"${join("EA", "AA", fakeChars("square-3", 60, BASE64URL))}"})`,
    ],
    notSecret: [`FB.api({access_token:"${join("EA", "AA", fakeChars("facebook", 60, BASE64URL))}"})`],
  },
};

/** PayPal (Braintree) production access tokens: access_token$production$<merchant>$<32 hex>. */
export const braintreeAccessToken = prefixedTokenRule({
  name: "braintree-access-token",
  provider: "PayPal Braintree",
  findingId: ID,
  prefixes: ["access_token$production$"],
  tail: "[0-9a-z]{16}\\$[0-9a-f]{32}",
  boundary: "A-Za-z0-9_$-",
  label: "PayPal Braintree production access token",
  cvss: CVSS_ACCOUNT_TAKEOVER,
  minEntropy: 3.3,
  samples: {
    secret: [
      `braintree.connect({accessToken:"${join("access_token", "$production$", fakeChars("bt-1", 16, LOWER_DIGITS), "$", fakeChars("bt-2", 32, HEX))}"})`,
    ],
    notSecret: [
      "access_token$production$xxxxxxxxxxxxxxxx$xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
      "access_token$sandbox$abc",
    ],
  },
});

const RAZORPAY_SECRET = /(?:key_?secret|secret)\\?["'`]?\s*[:=,]\s*\\?["'`]([A-Za-z0-9]{24})\\?["'`]/gi;
const NEAR = 300;

/**
 * Razorpay live keys: the key id (`rzp_live_` + 14) is sent to the browser by design; the key secret
 * (24 characters, no prefix) beside it is what moves money. Only the pair is reported.
 */
export const razorpayKeySecret: SecretRule = {
  name: "razorpay-key-secret",
  provider: "Razorpay",
  findingId: ID,
  keywords: ["rzp_live_"],
  window: { before: 1, after: 40 },
  pattern: /(?<![A-Za-z0-9_-])(?<secret>rzp_live_[A-Za-z0-9]{14})(?![A-Za-z0-9_-])/g,
  confidence: "high",
  verify(secret, context) {
    if (!looksRandom(secret.slice(9), 3.3)) return null;
    const keySecret = keySecretNear(context);
    return keySecret
      ? {
          kind: "secret",
          label: "Razorpay live key id with its key secret",
          cvss: CVSS_ACCOUNT_TAKEOVER,
          related: [keySecret],
        }
      : null;
  },
  visiblePrefix: () => "rzp_live_",
  samples: {
    secret: [
      `new Razorpay({key_id:"${join("rzp_", "live_", fakeChars("rzp-1", 14))}",key_secret:"${fakeChars("rzp-secret", 24, BASE62)}"})`,
    ],
    notSecret: [
      // The key id alone is what Razorpay Checkout takes in the browser.
      `new Razorpay({key:"${join("rzp_", "live_", fakeChars("rzp-2", 14))}",amount:5e4,currency:"INR"})`,
    ],
  },
};

function keySecretNear(context: MatchContext): readonly [number, number] | undefined {
  const from = Math.max(0, context.start - NEAR);
  const window = context.text.slice(from, Math.min(context.text.length, context.end + NEAR));
  RAZORPAY_SECRET.lastIndex = 0;
  for (let match = RAZORPAY_SECRET.exec(window); match; match = RAZORPAY_SECRET.exec(window)) {
    const value = match[1] ?? "";
    if (isPlaceholder(value) || !looksRandom(value, 3.8, 3)) continue;
    const start = from + match.index + match[0].lastIndexOf(value);
    return [start, start + value.length];
  }
  return undefined;
}
