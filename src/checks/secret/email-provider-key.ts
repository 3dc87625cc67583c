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

export const emailProviderKey: Check = {
  meta: {
    id: "secret.email-provider-key",
    title: "A key of an email provider is in code every visitor downloads",
    cvss: CVSS_SEND_AS_YOU,
    cwe: HARDCODED_CREDENTIALS_CWE,
    references: referencesWith({
      title: "Mailgun: API keys and SMTP credentials",
      url: "https://documentation.mailgun.com/docs/mailgun/user-manual/get-started/#api-keys",
    }),
    explanation:
      "An API key of an email provider (Mailgun, Postmark, Resend, Mailchimp, Brevo) is in your site's HTML or JavaScript. Anyone who copies it can send mail from your verified domain, which passes SPF and DKIM and so lands in inboxes as convincing phishing, read your contact lists and delivery logs, and get your domain's sending reputation destroyed. Sending mail belongs on your server. " +
      PUBLIC_BY_DOWNLOAD,
    fixes: secretFixes(
      "Delete the key in the provider's dashboard (API keys or Server tokens), create a new one, and check the sending logs for messages you did not send.",
      "EMAIL_API_KEY",
    ),
    learn: "secrets-in-bundles#email-provider-key",
    needs: SECRET_NEEDS,
  },
  analyse: (artifacts) => secretDrafts(artifacts, "secret.email-provider-key"),
};
