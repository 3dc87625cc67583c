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

export const sendgridApiKey: Check = {
  meta: {
    id: "secret.sendgrid-api-key",
    title: "A SendGrid API key is in code every visitor downloads",
    cvss: CVSS_SEND_AS_YOU,
    cwe: HARDCODED_CREDENTIALS_CWE,
    references: referencesWith({
      title: "Twilio SendGrid: API keys",
      url: "https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys",
    }),
    explanation:
      "A SendGrid API key (`SG.xxx.yyy`) is in your site's HTML or JavaScript. Anyone can send email as your domain with it: phishing that passes SPF and DKIM because it really comes from your account, and that gets your domain's reputation ruined. Depending on its permissions it also reads your contact lists. Sending mail belongs in your backend. " +
      PUBLIC_BY_DOWNLOAD,
    fixes: secretFixes(
      "Delete the key in SendGrid (Settings → API Keys), create a new one limited to Mail Send, and check the activity feed for mail you did not send.",
      "SENDGRID_API_KEY",
    ),
    learn: "secrets-in-bundles#sendgrid-api-key",
    needs: SECRET_NEEDS,
  },
  analyse: (artifacts) => secretDrafts(artifacts, "secret.sendgrid-api-key"),
};
