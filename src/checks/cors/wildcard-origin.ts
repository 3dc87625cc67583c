import { type Check, evidenceFrom, CVSS_INFORMATIONAL } from "../../core/index.ts";
import { CorsObservations, onePerEndpoint } from "../../artifacts/index.ts";
import { ALLOWLIST_FIXES, CORS_CWE, CORS_REFERENCES } from "./shared.ts";

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
    needs: [CorsObservations],
  },
  analyse(artifacts) {
    const wildcards = artifacts.read(CorsObservations).filter(
      // A guessed path that does not exist (a host adding `*` to its 404 page) is not an endpoint.
      (o) =>
        o.kind === "simple" && o.wildcard && !o.credentials && !(o.source === "common" && o.status >= 400),
    );
    return onePerEndpoint(wildcards).map((o) => ({
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
