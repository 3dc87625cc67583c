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

export const npmToken: Check = {
  meta: {
    id: "secret.npm-token",
    title: "An npm access token is in code every visitor downloads",
    cvss: CVSS_ACCOUNT_TAKEOVER,
    cwe: HARDCODED_CREDENTIALS_CWE,
    references: referencesWith({
      title: "npm Docs: Revoking access tokens",
      url: "https://docs.npmjs.com/revoking-access-tokens",
    }),
    explanation:
      "An npm access token (`npm_...`) is in your site's HTML or JavaScript. With a publish token anyone can release new versions of your packages, and everyone who installs them runs the attacker's code: a supply-chain attack on your users. A read token exposes your private packages. Tokens belong in CI secrets and `~/.npmrc`, never in a build that is served. " +
      PUBLIC_BY_DOWNLOAD,
    fixes: secretFixes(
      "Revoke the token (npmjs.com → Access Tokens, or `npm token revoke`), then check your packages' recent versions for releases you did not publish.",
      "NPM_TOKEN",
    ),
    learn: "secrets-in-bundles#npm-token",
    needs: SECRET_NEEDS,
  },
  analyse: (artifacts) => secretDrafts(artifacts, "secret.npm-token"),
};
