import type { Check } from "../../core/index.ts";
import { CVSS_ACCOUNT_TAKEOVER } from "../../secrets/index.ts";
import {
  HARDCODED_CREDENTIALS_CWE,
  PUBLIC_BY_DOWNLOAD,
  SECRET_NEEDS,
  referencesWith,
  secretFixes,
} from "./shared.ts";
import { secretDrafts } from "./secret-drafts.ts";

export const slackToken: Check = {
  meta: {
    id: "secret.slack-token",
    title: "A Slack token or webhook is in code every visitor downloads",
    cvss: CVSS_ACCOUNT_TAKEOVER,
    cwe: HARDCODED_CREDENTIALS_CWE,
    references: referencesWith({
      title: "Slack: Security best practices for apps",
      url: "https://api.slack.com/authentication/best-practices",
    }),
    explanation:
      "A Slack bot or user token (`xoxb-`, `xoxp-` ...) or an incoming-webhook URL is in your site's HTML or JavaScript. A token lets anyone read the channels and messages it can see and post as your app or user; a webhook lets anyone post into your channel, which makes convincing phishing inside your workspace. Messages to Slack belong in your backend. " +
      PUBLIC_BY_DOWNLOAD,
    fixes: secretFixes(
      "Revoke the token (api.slack.com/apps → your app → OAuth & Permissions → Revoke) or remove the webhook (Incoming Webhooks) and create a new one.",
      "SLACK_BOT_TOKEN",
    ),
    learn: "secrets-in-bundles#slack-token",
    needs: SECRET_NEEDS,
  },
  analyse: (artifacts) => secretDrafts(artifacts, "secret.slack-token"),
};
