import type { Check } from "../../core/index.ts";
import { allowedVariantDrafts, hostedPoc } from "./origin-allowed.ts";
import { CORS_CWE, CORS_REFERENCES, CVSS_READ_WITH_CREDENTIALS, allowlistFixesLedBy } from "./shared.ts";
import { CorsObservations } from "../../artifacts/index.ts";

const lead =
  "A shared hosting domain is trusted (`*.vercel.app`, `*.netlify.app`, ...): anyone can deploy there. Trust your own deployment's exact origin, never the whole platform.";

export const thirdPartyOriginTrusted: Check = {
  meta: {
    id: "cors.third-party-origin-trusted",
    title: "The API trusts a hosting platform where anyone can publish",
    cvss: CVSS_READ_WITH_CREDENTIALS,
    cwe: CORS_CWE,
    references: CORS_REFERENCES,
    explanation:
      "Your API allows any origin on a shared hosting domain such as vercel.app, netlify.app or github.io. " +
      "Anyone can create a free site there in a minute, so an attacker deploys a page on that platform and reads your API with your users' cookies. " +
      "This usually comes from allowing preview deployments with a pattern like `*.vercel.app`.",
    fixes: allowlistFixesLedBy(lead),
    learn: "cors#third-party-origin-trusted",
    needs: [CorsObservations],
  },
  analyse(artifacts) {
    return allowedVariantDrafts(artifacts, {
      variant: "third-party",
      requireCredentials: false,
      describe: (o) =>
        `${o.endpoint} allows ${o.origin}, a site anyone can create on a shared hosting platform.`,
      poc: hostedPoc,
    });
  },
};
