import type { Check } from "../../core/index.ts";
import { allowedVariantDrafts, hostedPoc, variantAllowed } from "./origin-allowed.ts";
import { CORS_CWE, CORS_REFERENCES, allowlistFixesLedBy } from "./shared.ts";
import { CorsObservations } from "../../artifacts/index.ts";

const lead =
  "Every subdomain is trusted. List the subdomains that really call the API; a subdomain with an XSS bug or a dangling DNS record otherwise becomes a way into it.";

export const anySubdomainTrusted: Check = {
  meta: {
    id: "cors.any-subdomain-trusted",
    title: "Every subdomain may read the API with credentials",
    // An attacker needs a foothold on some subdomain first (XSS, takeover): harder, hence AC:H.
    cvss: "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:L/A:N",
    cwe: CORS_CWE,
    references: CORS_REFERENCES,
    explanation:
      "Your API trusts any subdomain of your site, even one that does not exist, with the visitor's cookies. " +
      "That is often intended, but it means one weak subdomain (an old marketing page with an XSS bug, a DNS record pointing at a deleted " +
      "Heroku or S3 app that someone else can claim) is enough to read your users' data through the API.",
    fixes: allowlistFixesLedBy(lead),
    learn: "cors#any-subdomain-trusted",
    needs: [CorsObservations],
  },
  analyse(artifacts) {
    return allowedVariantDrafts(artifacts, {
      variant: "subdomain",
      requireCredentials: true,
      describe: (o) => `${o.endpoint} allows ${o.origin}, a made-up subdomain, with credentials.`,
      // An endsWith check without the dot trusts subdomains too; the suffix finding is the worse news.
      unless: (observations, endpoint) => variantAllowed(observations, endpoint, "suffix"),
      poc: hostedPoc,
    });
  },
};
