import { CVSS_SEND_AS_YOU } from "../cvss-vectors.ts";
import { BASE64URL, fakeChars, join } from "../fake.ts";
import type { SecretRule } from "../rule.ts";
import { looksRandom } from "../token-shape.ts";

/**
 * Telegram bot tokens: `<bot id>:AA<33 characters>`. The shape has no prefix of its own (a colon and
 * "AA" are everywhere in base64), so the rule looks near the word "telegram" (the api.telegram.org URL,
 * the SDK, a TELEGRAM_BOT_TOKEN variable).
 */
export const telegramBotToken: SecretRule = {
  name: "telegram-bot-token",
  provider: "Telegram",
  findingId: "secret.telegram-bot-token",
  keywords: ["telegr"],
  keywordsIgnoreCase: true,
  window: { before: 200, after: 200 },
  // In the Bot API URL the token follows "/bot" directly.
  pattern: /(?<=^|[^A-Za-z0-9_-]|\/bot)(?<secret>\d{8,10}:AA[A-Za-z0-9_-]{33})(?![A-Za-z0-9_-])/g,
  confidence: "high",
  verify(secret) {
    if (!looksRandom(secret.slice(secret.indexOf(":") + 3), 3.8)) return null;
    return { kind: "secret", label: "Telegram bot token", cvss: CVSS_SEND_AS_YOU };
  },
  visiblePrefix: () => "",
  samples: {
    secret: [
      `fetch("https://api.telegram.org/bot${join("73", "41234567", ":A", "A", fakeChars("telegram-1", 33, BASE64URL))}/sendMessage")`,
      `const TELEGRAM_BOT_TOKEN="${join("61", "23456789", ":A", "A", fakeChars("telegram-2", 33, BASE64URL))}"`,
    ],
    notSecret: [
      "https://api.telegram.org/bot123456789:AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx/getMe",
      `data:"${fakeChars("no-telegram", 40)}12345678:AA${fakeChars("no-telegram-2", 33, BASE64URL)}"`,
    ],
  },
};
