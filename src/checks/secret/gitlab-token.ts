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

export const gitlabToken: Check = {
  meta: {
    id: "secret.gitlab-token",
    title: "A GitLab token is in code every visitor downloads",
    cvss: CVSS_ACCOUNT_TAKEOVER,
    cwe: HARDCODED_CREDENTIALS_CWE,
    references: referencesWith({
      title: "GitLab: Token overview",
      url: "https://docs.gitlab.com/security/tokens/",
    }),
    explanation:
      "A GitLab token (`glpat-` personal access token, `gldt-` deploy token, `glrt-`/`GR1348941` runner token, `glptt-` trigger token, and the other `gl...` kinds) is in your site's HTML or JavaScript. Depending on its scopes, anyone who copies it can read your private repositories and their secrets, push code, run pipelines with your deployment credentials, or register a runner that receives your jobs. GitLab API calls that need a token belong on your server. " +
      PUBLIC_BY_DOWNLOAD,
    fixes: secretFixes(
      "Revoke the token where it was made (User settings → Access tokens, the project's Deploy tokens, CI/CD → Runners or Pipeline trigger tokens) and check the audit events for changes you did not make.",
      "GITLAB_TOKEN",
    ),
    learn: "secrets-in-bundles#gitlab-token",
    needs: SECRET_NEEDS,
  },
  analyse: (artifacts) => secretDrafts(artifacts, "secret.gitlab-token"),
};
