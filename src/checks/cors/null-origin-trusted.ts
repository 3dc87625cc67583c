import type { Check } from "../../core/index.ts";
import { allowedVariantDrafts } from "./origin-allowed.ts";
import { nullOriginPoc } from "./poc.ts";
import { CORS_CWE, CORS_REFERENCES, CVSS_READ_WITH_CREDENTIALS, allowlistFixesLedBy } from "./shared.ts";
import { CorsObservations } from "../../artifacts/index.ts";

const lead =
  "Remove `null` from the allowed origins: sandboxed iframes, `data:` URLs and local files all send `Origin: null`, so trusting it trusts anyone.";

export const nullOriginTrusted: Check = {
  meta: {
    id: "cors.null-origin-trusted",
    title: "The API trusts the `null` origin with credentials",
    cvss: CVSS_READ_WITH_CREDENTIALS,
    cwe: CORS_CWE,
    references: CORS_REFERENCES,
    explanation:
      "The server answers `Access-Control-Allow-Origin: null` with credentials allowed when a request comes from the origin `null`. " +
      "Any website can produce that origin by running its script inside a sandboxed iframe, so this is as open as trusting everyone: " +
      "a malicious page can read this API with your logged-in users' cookies. `null` often ends up in an allowlist to make local file testing work.",
    fixes: allowlistFixesLedBy(lead),
    learn: "cors#null-origin-trusted",
    needs: [CorsObservations],
  },
  analyse(artifacts) {
    return allowedVariantDrafts(artifacts, {
      variant: "null",
      requireCredentials: true,
      describe: (o) => `${o.endpoint} allows the origin "null" with credentials.`,
      poc: (o) => nullOriginPoc(o.endpoint),
    });
  },
};
