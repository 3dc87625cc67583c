import type { Check } from "../../core/index.ts";
import { allowedVariantDrafts, hostedPoc } from "./origin-allowed.ts";
import { CORS_CWE, CORS_REFERENCES, allowlistFixesLedBy } from "./shared.ts";
import { CorsObservations } from "../../artifacts/index.ts";

const lead =
  "Development origins (`http://localhost:3000`) are in the production allowlist: load the list from configuration per environment.";

export const localhostOriginTrusted: Check = {
  meta: {
    id: "cors.localhost-origin-trusted",
    title: "The production API trusts localhost origins",
    // Exploiting it needs something running on the victim's own machine on that port.
    cvss: "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N",
    cwe: CORS_CWE,
    references: CORS_REFERENCES,
    explanation:
      "Your live API still allows `http://localhost` origins, left over from development. Any program or dev server running on a user's own " +
      "computer on that port (including a malicious npm package's) can then read the API as that user. Keep development origins out of production.",
    fixes: allowlistFixesLedBy(lead),
    learn: "cors#localhost-origin-trusted",
    needs: [CorsObservations],
  },
  analyse(artifacts) {
    return allowedVariantDrafts(artifacts, {
      variant: "localhost",
      requireCredentials: false,
      describe: (o) => `${o.endpoint} allows ${o.origin}${o.credentials ? " with credentials" : ""}.`,
      poc: hostedPoc,
    }).map(withoutCvssOverride);
  },
};

/** Localhost trust is low either way; the no-credentials downgrade of the shared rule does not apply. */
function withoutCvssOverride<T extends { cvss?: string }>(draft: T): T {
  const { cvss: _ignored, ...rest } = draft;
  return rest as T;
}
