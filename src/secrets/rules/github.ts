import { CVSS_ACCOUNT_TAKEOVER } from "../cvss-vectors.ts";
import { fakeChars, join } from "../fake.ts";
import type { SecretRule } from "../rule.ts";
import { looksRandom } from "../token-shape.ts";

const KINDS: Record<string, string> = {
  ghp: "GitHub personal access token",
  gho: "GitHub OAuth access token",
  ghu: "GitHub user-to-server token",
  ghs: "GitHub app installation token",
  ghr: "GitHub refresh token",
  github_pat: "GitHub fine-grained personal access token",
};

/** GitHub tokens: classic (ghp_/gho_/ghu_/ghs_/ghr_ + 36) and fine-grained (github_pat_ + 22 + _ + 59). */
export const githubToken: SecretRule = {
  name: "github-token",
  provider: "GitHub",
  findingId: "secret.github-token",
  keywords: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"],
  window: { before: 1, after: 100 },
  pattern:
    /(?<![A-Za-z0-9_])(?<secret>gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9_])/g,
  confidence: "high",
  verify(secret) {
    const prefix = secret.startsWith("github_pat_") ? "github_pat" : secret.slice(0, 3);
    if (!looksRandom(secret.slice(prefix.length + 1).replace("_", ""), 4)) return null;
    return { kind: "secret", label: KINDS[prefix] ?? "GitHub token", cvss: CVSS_ACCOUNT_TAKEOVER };
  },
  visiblePrefix: (secret) => (secret.startsWith("github_pat_") ? "github_pat_" : secret.slice(0, 4)),
  samples: {
    secret: [
      `headers:{Authorization:"token ${join("gh", "p_", fakeChars("github-classic", 36))}"}`,
      `const t="${join("github", "_pat_", fakeChars("github-fg-a", 22), "_", fakeChars("github-fg-b", 59))}"`,
      `{"token":"${join("gh", "s_", fakeChars("github-app", 36))}"}`,
    ],
    notSecret: [
      "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
      "ghp_<YOUR_TOKEN>",
      "const sighp_total=1, laughs_count=2",
    ],
  },
};
