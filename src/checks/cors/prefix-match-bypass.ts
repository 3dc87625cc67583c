import type { Check } from "../../core/index.ts";
import { allowedVariantDrafts, hostedPoc, variantAllowed } from "./origin-allowed.ts";
import { CORS_CWE, CORS_REFERENCES, CVSS_READ_WITH_CREDENTIALS, allowlistFixesLedBy } from "./shared.ts";
import { CorsObservations } from "../../artifacts/index.ts";

const lead =
  "The origin is checked with `startsWith` (or an unanchored regex): compare the whole origin for equality instead.";

export const prefixMatchBypass: Check = {
  meta: {
    id: "cors.prefix-match-bypass",
    title: "The origin check only looks at the start of the origin",
    cvss: CVSS_READ_WITH_CREDENTIALS,
    cwe: CORS_CWE,
    references: CORS_REFERENCES,
    explanation:
      "Your server accepts an origin as long as it starts with your own address. An attacker registers a domain such as `yoursite.com.attacker.com`, " +
      "which starts with your name, and the server lets their page read your API with your users' cookies. " +
      "Code like `origin.startsWith('https://yoursite.com')` or a regex without `$` at the end causes this.",
    fixes: allowlistFixesLedBy(lead),
    learn: "cors#prefix-match-bypass",
    needs: [CorsObservations],
  },
  analyse(artifacts) {
    return allowedVariantDrafts(artifacts, {
      variant: "prefix",
      requireCredentials: false,
      describe: (o) =>
        `${o.endpoint} allows ${o.origin}, a domain the attacker controls that merely starts with the site's name.`,
      // `origin.includes("example.com")` lets both look-alikes in; the suffix finding names that cause.
      unless: (observations, endpoint) => variantAllowed(observations, endpoint, "suffix"),
      poc: hostedPoc,
    });
  },
};
