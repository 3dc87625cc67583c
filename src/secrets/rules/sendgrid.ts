import { CVSS_SEND_AS_YOU } from "../cvss-vectors.ts";
import { BASE64URL, fakeChars, join } from "../fake.ts";
import type { SecretRule } from "../rule.ts";
import { looksRandom } from "../token-shape.ts";

/** SendGrid API keys: SG.<22>.<43>. */
export const sendgridApiKey: SecretRule = {
  name: "sendgrid-api-key",
  provider: "SendGrid",
  findingId: "secret.sendgrid-api-key",
  keywords: ["SG."],
  window: { before: 1, after: 80 },
  pattern: /(?<![A-Za-z0-9_-])(?<secret>SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g,
  confidence: "high",
  verify(secret) {
    if (!looksRandom(secret.slice(3).replace(".", ""), 4)) return null;
    return { kind: "secret", label: "SendGrid API key", cvss: CVSS_SEND_AS_YOU };
  },
  visiblePrefix: () => "SG.",
  samples: {
    secret: [
      `sgMail.setApiKey("${join("S", "G.", fakeChars("sendgrid-a", 22, BASE64URL), ".", fakeChars("sendgrid-b", 43, BASE64URL))}")`,
    ],
    notSecret: [
      "SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
      'var SG={};SG.init=function(){};SG.version="1.0.0"',
    ],
  },
};
