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

export const githubToken: Check = {
  meta: {
    id: "secret.github-token",
    title: "A GitHub token is in code every visitor downloads",
    cvss: CVSS_ACCOUNT_TAKEOVER,
    cwe: HARDCODED_CREDENTIALS_CWE,
    references: referencesWith({
      title: "GitHub: Token expiration and revocation",
      url: "https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/token-expiration-and-revocation",
    }),
    explanation:
      "A GitHub token (`ghp_`, `gho_`, `ghs_`, `github_pat_` ...) is in your site's HTML or JavaScript. Depending on its scopes, anyone who copies it can read your private repositories (and every secret committed to them), push code, change workflows that run with your deployment credentials, or act as you on GitHub. Calls to the GitHub API that need a token belong on your server. " +
      PUBLIC_BY_DOWNLOAD,
    fixes: secretFixes(
      "Revoke the token (Settings → Developer settings → Personal access tokens, or the GitHub App / OAuth app that issued it) and check your security log and repositories for changes you did not make.",
      "GITHUB_TOKEN",
    ),
    learn: "secrets-in-bundles#github-token",
    needs: SECRET_NEEDS,
  },
  analyse: (artifacts) => secretDrafts(artifacts, "secret.github-token"),
};
