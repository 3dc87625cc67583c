import type { Check } from "../../core/index.ts";
import { allowedVariantDrafts, hostedPoc } from "./origin-allowed.ts";
import { CORS_CWE, CORS_REFERENCES, allowlistFixesLedBy } from "./shared.ts";
import { CorsObservations } from "../../artifacts/index.ts";

const lead = "Only `https://` origins belong in the allowlist of an https site.";

export const insecureOriginTrusted: Check = {
  meta: {
    id: "cors.insecure-origin-trusted",
    title: "An https API trusts an unencrypted http:// origin",
    // Needs an attacker on the victim's network path to inject into the http:// page.
    cvss: "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:L/A:N",
    cwe: CORS_CWE,
    references: CORS_REFERENCES,
    explanation:
      "Your https API lets the plain http:// version of your site read it with cookies. Anyone who can tamper with a victim's unencrypted traffic " +
      "(public Wi-Fi, a hostile network) can inject a script into the http:// page and use it to read the API, which undoes the protection https gives you.",
    fixes: allowlistFixesLedBy(lead),
    learn: "cors#insecure-origin-trusted",
    needs: [CorsObservations],
  },
  analyse(artifacts) {
    return allowedVariantDrafts(artifacts, {
      variant: "insecure-scheme",
      requireCredentials: true,
      // What matters is the endpoint's scheme, not the one typed: http://example.com may redirect to https.
      unless: (_observations, endpoint) => new URL(endpoint).protocol !== "https:",
      describe: (o) => `${o.endpoint} allows ${o.origin} (plain http) with credentials.`,
      poc: hostedPoc,
    });
  },
};
