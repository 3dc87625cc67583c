import { CVSS_ACCOUNT_TAKEOVER } from "../cvss-vectors.ts";
import { BASE64URL, fakeChars, HEX, join } from "../fake.ts";
import { prefixedTokenRule } from "../prefixed-token.ts";

/** GitLab's token prefixes (docs.gitlab.com, "GitLab token overview"), each with what it is. */
const KINDS: Record<string, string> = {
  "glpat-": "GitLab personal access token",
  "gldt-": "GitLab deploy token",
  "glrt-": "GitLab runner authentication token",
  "glptt-": "GitLab pipeline trigger token",
  GR1348941: "GitLab runner registration token",
  "glsoat-": "GitLab SCIM OAuth token",
  "glft-": "GitLab feed token",
  "glimt-": "GitLab incoming mail token",
  "glagent-": "GitLab agent for Kubernetes token",
  "glcbt-": "GitLab CI/CD job token",
  "gloas-": "GitLab OAuth application secret",
  "glffct-": "GitLab feature flags client token",
};

/** GitLab tokens: personal, deploy, runner, trigger, SCIM, feed, mail, agent, job, OAuth, feature flag. */
export const gitlabToken = prefixedTokenRule({
  name: "gitlab-token",
  provider: "GitLab",
  findingId: "secret.gitlab-token",
  prefixes: Object.keys(KINDS),
  // 20 characters in the classic format; the newer routable tokens are longer and carry dots.
  tail: "[A-Za-z0-9_-][A-Za-z0-9_.-]{18,300}[A-Za-z0-9_-]",
  label: (_secret, prefix) => KINDS[prefix] ?? "GitLab token",
  cvss: CVSS_ACCOUNT_TAKEOVER,
  samples: {
    secret: [
      `headers:{"PRIVATE-TOKEN":"${join("gl", "pat-", fakeChars("gitlab-pat", 20, BASE64URL))}"}`,
      `const trigger="${join("gl", "ptt-", fakeChars("gitlab-trigger", 40, HEX))}"`,
      `{"token":"${join("GR", "1348941", fakeChars("gitlab-runner", 20, BASE64URL))}"}`,
      `deploy:"${join("gl", "dt-", fakeChars("gitlab-deploy", 20, BASE64URL))}"`,
    ],
    notSecret: ["glpat-xxxxxxxxxxxxxxxxxxxx", "glpat-<your-token>", 'className:"glft-button-primary"'],
  },
});
