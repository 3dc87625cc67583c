import { CVSS_ACCOUNT_TAKEOVER } from "../cvss-vectors.ts";
import { fakeChars, join } from "../fake.ts";
import { prefixedTokenRule } from "../prefixed-token.ts";

/** npm access tokens (`npm_` + 36): whoever holds one may publish as its owner. */
export const npmToken = prefixedTokenRule({
  name: "npm-token",
  provider: "npm",
  findingId: "secret.npm-token",
  prefixes: ["npm_"],
  tail: "[A-Za-z0-9]{36}",
  label: "npm access token",
  cvss: CVSS_ACCOUNT_TAKEOVER,
  minEntropy: 4,
  // Beats the generic rule on `NPM_TOKEN: "npm_..."`.
  samples: {
    secret: [`//registry.npmjs.org/:_authToken=${join("np", "m_", fakeChars("npm-1", 36))}`],
    notSecret: ["npm_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "process.env.npm_config_user_agent_string_value"],
  },
});
