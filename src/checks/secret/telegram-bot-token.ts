import type { Check } from "../../core/index.ts";
import { CVSS_SEND_AS_YOU } from "../../secrets/index.ts";
import {
  HARDCODED_CREDENTIALS_CWE,
  PUBLIC_BY_DOWNLOAD,
  SECRET_NEEDS,
  referencesWith,
  secretFixes,
} from "./shared.ts";
import { secretDrafts } from "./secret-drafts.ts";

export const telegramBotToken: Check = {
  meta: {
    id: "secret.telegram-bot-token",
    title: "A Telegram bot token is in code every visitor downloads",
    cvss: CVSS_SEND_AS_YOU,
    cwe: HARDCODED_CREDENTIALS_CWE,
    references: referencesWith({
      title: "Telegram Bot API: Authorizing your bot",
      url: "https://core.telegram.org/bots/api#authorizing-your-bot",
    }),
    explanation:
      "A Telegram bot token (`<bot id>:AA...`) is in your site's HTML or JavaScript. Anyone who copies it controls the bot: reads every message users send it, posts to its chats and channels as the bot, and changes its webhook to take the traffic. Calls to the Bot API belong on your server. " +
      PUBLIC_BY_DOWNLOAD,
    fixes: secretFixes(
      "Revoke the token with @BotFather (/revoke), set the new one on your server only, and set the webhook again.",
      "TELEGRAM_BOT_TOKEN",
    ),
    learn: "secrets-in-bundles#telegram-bot-token",
    needs: SECRET_NEEDS,
  },
  analyse: (artifacts) => secretDrafts(artifacts, "secret.telegram-bot-token"),
};
