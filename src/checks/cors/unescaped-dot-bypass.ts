import type { Check } from "../../core/index.ts";
import { allowedVariantDrafts, hostedPoc, variantAllowed } from "./origin-allowed.ts";
import { CORS_CWE, CORS_REFERENCES, CVSS_READ_WITH_CREDENTIALS, allowlistFixesLedBy } from "./shared.ts";
import { CorsObservations } from "../../artifacts/index.ts";

const lead =
  "An origin regex has an unescaped `.`, which matches any character: escape it (`\\.`) and anchor the pattern (`^...$`), or better, use an exact list.";

export const unescapedDotBypass: Check = {
  meta: {
    id: "cors.unescaped-dot-bypass",
    title: "An origin regex lets look-alike domains in (unescaped dot)",
    cvss: CVSS_READ_WITH_CREDENTIALS,
    cwe: CORS_CWE,
    references: CORS_REFERENCES,
    explanation:
      "Your allowed origins are matched with a regular expression in which a dot is not escaped. In a regex `.` means any character, " +
      "so `www.yoursite.com` also matches `wwwxyoursite.com`, a domain anyone can register. The attacker's page can then read your API " +
      "with your users' cookies.",
    fixes: allowlistFixesLedBy(lead),
    learn: "cors#unescaped-dot-bypass",
    needs: [CorsObservations],
  },
  analyse(artifacts) {
    return allowedVariantDrafts(artifacts, {
      variant: "unescaped-dot",
      requireCredentials: false,
      describe: (o) =>
        `${o.endpoint} allows ${o.origin}, where a letter stands in place of a dot of the real name.`,
      // endsWith-style checks let this in too; that broader cause is reported as the suffix bypass.
      unless: (observations, endpoint) => variantAllowed(observations, endpoint, "suffix"),
      poc: hostedPoc,
    });
  },
};
