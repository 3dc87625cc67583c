import type { Check } from "../../core/check.ts";
import { evidenceFrom } from "../../core/evidence.ts";
import { corsObservations } from "../../derived/cors-observations.ts";
import { ALLOWLIST_FIXES, CORS_CWE, CORS_REFERENCES, CVSS_INFORMATIONAL } from "./shared.ts";

export const wildcardOrigin: Check = {
  meta: {
    id: "cors.wildcard-origin",
    title: "Any website may read this endpoint's public responses (`*`)",
    cvss: CVSS_INFORMATIONAL,
    cwe: CORS_CWE,
    references: CORS_REFERENCES,
    explanation:
      "The endpoint answers `Access-Control-Allow-Origin: *`, so any website can read what it returns to anonymous visitors. Browsers never send cookies " +
      "with `*`, so this is the right setting for public data (a public API, fonts, a CDN). Make sure nothing behind it relies on the caller's network " +
      "or IP address to decide what to return.",
    fixes: ALLOWLIST_FIXES,
    learn: "cors#wildcard-origin",
    needs: ["cors"],
  },
  analyse(artifacts) {
    return corsObservations(artifacts)
      .filter((o) => o.kind === "simple" && o.wildcard && !o.credentials)
      .map((o) => ({
        url: o.endpoint,
        groupKey: new URL(o.endpoint).origin,
        summary: `${o.endpoint} allows every origin with Access-Control-Allow-Origin: *.`,
        evidence: [
          evidenceFrom(o.exchange, "The wildcard origin was sent, without credentials.", {
            headers: ["access-control-allow-origin", "content-type"],
          }),
        ],
      }));
  },
};
