import { CVSS_ACCOUNT_TAKEOVER, CVSS_POST_ONLY } from "../cvss-vectors.ts";
import { fakeChars, HEX, join, UPPER_DIGITS } from "../fake.ts";
import type { SecretRule } from "../rule.ts";
import { looksRandom } from "../token-shape.ts";

const DIGITS = "0123456789";
const WEBHOOK = /^https?:\/\/hooks\.slack\.com\//;

/** Random-looking tail: hex tails get the same 3.3-bit floor as the generic rule's; short tails less. */
function randomTail(tail: string): boolean {
  const hex = /^[0-9a-f]+$/i.test(tail);
  const floor = Math.min(hex ? 3.3 : 3.5, Math.log2(tail.length) - 0.7);
  return looksRandom(tail, floor, 1);
}

const LABELS: Record<string, string> = {
  b: "Slack bot token",
  p: "Slack user token",
  a: "Slack workspace access token",
  r: "Slack workspace refresh token",
  s: "Slack session token",
  o: "Slack legacy token",
};

/**
 * Slack tokens and webhooks: bot/user tokens (xoxb-, xoxp-), legacy workspace and session tokens (xoxa-,
 * xoxr-, xoxs-, xoxo-), app-level tokens (xapp-), configuration tokens (xoxe.xoxp-/xoxe.xoxb-) and their
 * refresh tokens (xoxe-), and incoming webhooks (services/, workflows/ with its extra numeric segment,
 * triggers/), over https or plain http.
 */
export const slackToken: SecretRule = {
  name: "slack-token",
  provider: "Slack",
  findingId: "secret.slack-token",
  keywords: [
    "xoxb-",
    "xoxp-",
    "xoxa-",
    "xoxr-",
    "xoxs-",
    "xoxo-",
    "xoxe-",
    "xoxe.",
    "xapp-",
    "hooks.slack.com",
  ],
  window: { before: 8, after: 200 },
  pattern: new RegExp(
    [
      String.raw`xoxe\.xox[bp]-\d-[A-Za-z0-9]{150,180}`,
      String.raw`xoxe-\d-[A-Za-z0-9]{130,160}`,
      String.raw`xapp-\d-[A-Z0-9]{8,14}-\d{8,16}-[a-f0-9]{32,80}`,
      String.raw`xox[bpaors]-(?:\d{1,14}-){0,3}[A-Za-z0-9]{8,64}`,
      String.raw`https?://hooks\.slack\.com/(?:services|workflows|triggers)/T[A-Z0-9]{6,12}/[A-Z0-9]{6,12}(?:/\d{6,24})?/[A-Za-z0-9]{20,40}`,
    ]
      .map((alternative) => `(?<![A-Za-z0-9_.-])(?:${alternative})(?![A-Za-z0-9])`)
      .join("|")
      .replace(/^/, "(?<secret>")
      .concat(")"),
    "g",
  ),
  confidence: "high",
  verify(secret) {
    if (WEBHOOK.test(secret)) {
      if (!randomTail(secret.slice(secret.lastIndexOf("/") + 1))) return null;
      return { kind: "secret", label: "Slack incoming webhook URL", cvss: CVSS_POST_ONLY };
    }
    if (!randomTail(secret.slice(secret.lastIndexOf("-") + 1))) return null;
    if (secret.startsWith("xoxe.")) {
      return { kind: "secret", label: "Slack configuration token", cvss: CVSS_ACCOUNT_TAKEOVER };
    }
    if (secret.startsWith("xoxe-")) {
      return { kind: "secret", label: "Slack configuration refresh token", cvss: CVSS_ACCOUNT_TAKEOVER };
    }
    if (secret.startsWith("xapp-")) {
      return { kind: "secret", label: "Slack app-level token", cvss: CVSS_ACCOUNT_TAKEOVER };
    }
    // A token with no numeric team/user segment is a legacy workspace token (xoxa-/xoxr-) or nothing.
    const type = secret.charAt(3);
    if (!/-\d/.test(secret) && type !== "a" && type !== "r") return null;
    return { kind: "secret", label: LABELS[type] ?? "Slack token", cvss: CVSS_ACCOUNT_TAKEOVER };
  },
  visiblePrefix: (secret) => {
    const webhook = WEBHOOK.exec(secret)?.[0];
    if (webhook) return secret.slice(0, secret.indexOf("/", webhook.length) + 1);
    return secret.startsWith("xoxe.") ? secret.slice(0, 10) : secret.slice(0, 5);
  },
  samples: {
    secret: [
      `new WebClient("${join("xo", "xb-", fakeChars("slack-team", 12, DIGITS), "-", fakeChars("slack-bot", 13, DIGITS), "-", fakeChars("slack-secret", 24))}")`,
      `fetch("${join("https://hooks.", "slack.com/", "services/T", fakeChars("slack-t", 10, UPPER_DIGITS), "/B", fakeChars("slack-b", 10, UPPER_DIGITS), "/", fakeChars("slack-hook", 24))}",{method:"POST"})`,
      `"${join("xo", "xp-", fakeChars("slack-u1", 11, DIGITS), "-", fakeChars("slack-u2", 11, DIGITS), "-", fakeChars("slack-u3", 12, DIGITS), "-", fakeChars("slack-u4", 32, HEX))}"`,
      // App-level, configuration and refresh tokens.
      `SLACK_APP_TOKEN="${join("xa", "pp-1-", "A", fakeChars("slack-app-a", 10, UPPER_DIGITS), "-", fakeChars("slack-app-b", 13, DIGITS), "-", fakeChars("slack-app-c", 64, HEX))}"`,
      `{"config_token":"${join("xo", "xe.", "xo", "xp-1-", fakeChars("slack-config", 163))}"}`,
      `{"refresh_token":"${join("xo", "xe-1-", fakeChars("slack-refresh", 146))}"}`,
      // Legacy workspace, refresh and session tokens (short tails).
      `token:"${join("xo", "xa-2-", fakeChars("slack-xoxa", 40))}"`,
      `token:"${join("xo", "xr-", fakeChars("slack-xoxr", 44))}"`,
      `"${join("xo", "xs-", fakeChars("slack-s1", 10, DIGITS), "-", fakeChars("slack-s2", 11, DIGITS), "-", fakeChars("slack-s3", 12, DIGITS), "-", fakeChars("slack-s4", 10, HEX))}"`,
      // Webhooks over plain http, and a workflow webhook with its numeric segment.
      `post("${join("http://hooks.", "slack.com/", "services/T", fakeChars("slack-t2", 9, UPPER_DIGITS), "/B", fakeChars("slack-b2", 11, UPPER_DIGITS), "/", fakeChars("slack-hook2", 24))}")`,
      `"${join("https://hooks.", "slack.com/", "workflows/T", fakeChars("slack-t3", 9, UPPER_DIGITS), "/A", fakeChars("slack-a3", 10, UPPER_DIGITS), "/", fakeChars("slack-n3", 18, DIGITS), "/", fakeChars("slack-hook3", 24))}"`,
    ],
    notSecret: [
      "xoxb-your-bot-token",
      "xoxb-000000000000-000000000000-xxxxxxxxxxxxxxxxxxxxxxxx",
      "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
      'const boxoxo = "xoxo-gossip-girl"',
      "xapp-1-A00000000-0000000000000-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
      `xoxe.xoxp-1-${"x".repeat(163)}`,
      "https://hooks.slack.com/workflows/T00000000/A00000000/000000000000000000/XXXXXXXXXXXXXXXXXXXXXXXX",
      'css:".xoxs-theme{color:red}" xoxs-button-primary-large',
    ],
  },
};
