import { type Check, evidenceFrom } from "../../core/index.ts";
import { CorsObservations, onePerEndpoint } from "../../artifacts/index.ts";
import { ALLOWLIST_FIXES, CORS_CWE, CORS_REFERENCES } from "./shared.ts";

export const wildcardWithCredentials: Check = {
  meta: {
    id: "cors.wildcard-with-credentials",
    title: "`Access-Control-Allow-Origin: *` is combined with credentials",
    // Browsers refuse this combination, so it does not leak by itself; it shows intent to share with
    // everyone with cookies, one small change away from origin reflection.
    cvss: "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N",
    cwe: CORS_CWE,
    references: CORS_REFERENCES,
    explanation:
      "The server sends `Access-Control-Allow-Origin: *` together with `Access-Control-Allow-Credentials: true`. Browsers refuse that combination, " +
      'so credentialed calls from your own frontend fail, and the usual "fix" people (and AI assistants) reach for is to echo the caller\'s origin, ' +
      "which opens the API to every website. Decide which origins need cookies and list them exactly.",
    fixes: ALLOWLIST_FIXES,
    learn: "cors#wildcard-with-credentials",
    needs: [CorsObservations],
  },
  analyse(artifacts) {
    const wildcards = artifacts.read(CorsObservations).filter((o) => o.wildcard && o.credentials);
    return onePerEndpoint(wildcards).map((o) => ({
      url: o.endpoint,
      groupKey: new URL(o.endpoint).origin,
      summary: `${o.endpoint} answers Access-Control-Allow-Origin: * with Access-Control-Allow-Credentials: true.`,
      evidence: [
        evidenceFrom(o.exchange, "The wildcard and the credentials flag were sent together.", {
          headers: ["access-control-allow-origin", "access-control-allow-credentials"],
        }),
      ],
    }));
  },
};
