import type { Check } from "../../core/index.ts";
import { allowedVariantDrafts, hostedPoc } from "./origin-allowed.ts";
import { CORS_CWE, CORS_REFERENCES, CVSS_READ_WITH_CREDENTIALS, allowlistFixesLedBy } from "./shared.ts";
import { CorsObservations } from "../../artifacts/index.ts";

const lead =
  "The origin is checked with `endsWith('example.com')` (or `includes`): that also matches `attackerexample.com`. Compare whole origins, or require the dot: `.example.com`.";

export const suffixMatchBypass: Check = {
  meta: {
    id: "cors.suffix-match-bypass",
    title: "The origin check only looks at the end of the origin",
    cvss: CVSS_READ_WITH_CREDENTIALS,
    cwe: CORS_CWE,
    references: CORS_REFERENCES,
    explanation:
      "Your server accepts any origin that ends with your domain name, without checking for the dot before it. " +
      "An attacker registers `attackeryoursite.com`, which ends with `yoursite.com`, and their page can read your API with your users' cookies. " +
      "`origin.endsWith('yoursite.com')`, `origin.includes('yoursite.com')` and regexes like `yoursite\\.com$` cause this.",
    fixes: allowlistFixesLedBy(lead),
    learn: "cors#suffix-match-bypass",
    needs: [CorsObservations],
  },
  analyse(artifacts) {
    return allowedVariantDrafts(artifacts, {
      variant: "suffix",
      requireCredentials: false,
      describe: (o) =>
        `${o.endpoint} allows ${o.origin}, a separate domain that merely ends with the site's name.`,
      poc: hostedPoc,
    });
  },
};
