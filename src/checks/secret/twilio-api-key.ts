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

export const twilioApiKey: Check = {
  meta: {
    id: "secret.twilio-api-key",
    title: "A Twilio API key or auth token is in code every visitor downloads",
    cvss: CVSS_SEND_AS_YOU,
    cwe: HARDCODED_CREDENTIALS_CWE,
    references: referencesWith({
      title: "Twilio: API keys overview",
      url: "https://www.twilio.com/docs/iam/api-keys",
    }),
    explanation:
      "A Twilio API key (`SK...`) or your account's auth token beside its `AC...` account SID is in your site's HTML or JavaScript. Anyone who copies it can send SMS and place calls billed to you (including to premium numbers), read message logs and recordings, and with the auth token change the whole account. Twilio calls belong on your server. " +
      PUBLIC_BY_DOWNLOAD,
    fixes: secretFixes(
      "Delete the API key (Console → Account → API keys) or rotate the auth token (Console → Account → Auth tokens → Request a secondary token, then promote it), and check the usage and message logs.",
      "TWILIO_API_SECRET",
    ),
    learn: "secrets-in-bundles#twilio-api-key",
    needs: SECRET_NEEDS,
  },
  analyse: (artifacts) => secretDrafts(artifacts, "secret.twilio-api-key"),
};
