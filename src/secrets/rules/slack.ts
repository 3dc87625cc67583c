import { CVSS_ACCOUNT_TAKEOVER, CVSS_POST_ONLY } from "../cvss-vectors.ts";
import { fakeChars, HEX, join, UPPER_DIGITS } from "../fake.ts";
import type { SecretRule } from "../rule.ts";
import { looksRandom } from "../token-shape.ts";

const DIGITS = "0123456789";
const WEBHOOK = "https://hooks.slack.com/";

/** Slack bot/user/app tokens (xoxb-, xoxp-, ...) and incoming webhooks. */
export const slackToken: SecretRule = {
  name: "slack-token",
  provider: "Slack",
  findingId: "secret.slack-token",
  keywords: ["xox", "://"],
  window: { before: 8, after: 160 },
  pattern:
    /(?<![A-Za-z0-9_-])(?<secret>xox[baprseo]-(?:\d{6,14}-){1,3}[A-Za-z0-9]{16,64}|https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/T[A-Z0-9]{6,12}\/[A-Z0-9]{6,12}\/[A-Za-z0-9]{20,32})(?![A-Za-z0-9])/g,
  confidence: "high",
  verify(secret) {
    if (secret.startsWith(WEBHOOK)) {
      if (!looksRandom(secret.slice(secret.lastIndexOf("/") + 1), 3.5)) return null;
      return { kind: "secret", label: "Slack incoming webhook URL", cvss: CVSS_POST_ONLY };
    }
    if (!looksRandom(secret.slice(secret.lastIndexOf("-") + 1), 3.5, 1)) return null;
    const type = secret.slice(3, 4);
    const label = type === "b" ? "Slack bot token" : type === "p" ? "Slack user token" : "Slack token";
    return { kind: "secret", label, cvss: CVSS_ACCOUNT_TAKEOVER };
  },
  visiblePrefix: (secret) =>
    secret.startsWith(WEBHOOK)
      ? secret.slice(0, secret.indexOf("/", WEBHOOK.length) + 1)
      : secret.slice(0, 5),
  samples: {
    secret: [
      `new WebClient("${join("xo", "xb-", fakeChars("slack-team", 12, DIGITS), "-", fakeChars("slack-bot", 13, DIGITS), "-", fakeChars("slack-secret", 24))}")`,
      `fetch("${join(WEBHOOK, "services/T", fakeChars("slack-t", 10, UPPER_DIGITS), "/B", fakeChars("slack-b", 10, UPPER_DIGITS), "/", fakeChars("slack-hook", 24))}",{method:"POST"})`,
      `"${join("xo", "xp-", fakeChars("slack-u1", 11, DIGITS), "-", fakeChars("slack-u2", 11, DIGITS), "-", fakeChars("slack-u3", 12, DIGITS), "-", fakeChars("slack-u4", 32, HEX))}"`,
    ],
    notSecret: [
      "xoxb-your-bot-token",
      "xoxb-000000000000-000000000000-xxxxxxxxxxxxxxxxxxxxxxxx",
      "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
      'const boxoxo = "xoxo-gossip-girl"',
    ],
  },
};
