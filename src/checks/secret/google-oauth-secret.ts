import type { Check } from "../../core/index.ts";
import { CVSS_PARTIAL_CREDENTIAL } from "../../secrets/index.ts";
import {
  HARDCODED_CREDENTIALS_CWE,
  PUBLIC_BY_DOWNLOAD,
  SECRET_NEEDS,
  referencesWith,
  secretFixes,
} from "./shared.ts";
import { secretDrafts } from "./secret-drafts.ts";

export const googleOAuthSecret: Check = {
  meta: {
    id: "secret.google-oauth-secret",
    title: "A Google OAuth client secret or service-account key is public",
    cvss: CVSS_PARTIAL_CREDENTIAL,
    cwe: HARDCODED_CREDENTIALS_CWE,
    references: referencesWith(
      {
        title: "Google Cloud: Best practices for managing service account keys",
        url: "https://cloud.google.com/iam/docs/best-practices-for-managing-service-account-keys",
      },
      { title: "Google Cloud: Setting up OAuth 2.0", url: "https://support.google.com/cloud/answer/6158849" },
    ),
    explanation:
      "A Google OAuth client secret (`GOCSPX-...`) or a Google Cloud service-account key file is in your site's HTML or JavaScript. A client secret lets anyone impersonate your app in Google sign-in flows and exchange stolen authorization codes for tokens. A service-account key (rated critical) is a password for a robot account: anyone can call Google Cloud APIs with all of its roles, from reading Firestore and buckets to creating resources on your bill. Browser sign-in needs only the client id. " +
      PUBLIC_BY_DOWNLOAD,
    fixes: secretFixes(
      "Reset the OAuth client secret in Google Cloud Console (APIs & Services → Credentials), or delete the service-account key (IAM → Service accounts → Keys) and check Cloud Audit Logs for its use.",
      "GOOGLE_CLIENT_SECRET",
    ),
    learn: "secrets-in-bundles#google-oauth-secret",
    needs: SECRET_NEEDS,
  },
  analyse: (artifacts) => secretDrafts(artifacts, "secret.google-oauth-secret"),
};
