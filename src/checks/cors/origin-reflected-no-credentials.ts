import { type Check, evidenceFrom } from "../../core/index.ts";
import {
  CorsObservations,
  onePerEndpoint,
  onlyOnMissingPath,
  reflectsArbitrary,
} from "../../artifacts/index.ts";
import { ALLOWLIST_FIXES, CORS_CWE, CORS_REFERENCES, CVSS_READ_WITHOUT_CREDENTIALS } from "./shared.ts";

export const originReflectedNoCredentials: Check = {
  meta: {
    id: "cors.origin-reflected-no-credentials",
    title: "Any website can read this API (without the user's cookies)",
    cvss: CVSS_READ_WITHOUT_CREDENTIALS,
    cwe: CORS_CWE,
    references: CORS_REFERENCES,
    explanation:
      "The server echoes any Origin in Access-Control-Allow-Origin, but does not allow credentials, so browsers will not attach cookies. " +
      "Other websites can read what this endpoint returns to anonymous visitors. That is harmless for public data, " +
      "but it matters when the API trusts the caller's network (an intranet, a VPN, IP allowlists) or returns anything private without cookies. " +
      "If the endpoint is meant to be public, `Access-Control-Allow-Origin: *` says so more honestly; otherwise list the origins that may call it.",
    fixes: ALLOWLIST_FIXES,
    learn: "cors#origin-reflected-no-credentials",
    needs: [CorsObservations],
  },
  analyse(artifacts) {
    const observations = artifacts.read(CorsObservations);
    const reflected = observations.filter(
      (o) =>
        o.kind === "simple" &&
        o.variant === "arbitrary" &&
        o.echoed &&
        !o.credentials &&
        !reflectsArbitrary(observations, o.endpoint, true) &&
        !onlyOnMissingPath(observations, o),
    );
    return onePerEndpoint(reflected).map((o) => ({
      url: o.endpoint,
      groupKey: new URL(o.endpoint).origin,
      summary: `${o.endpoint} echoes any Origin (tried ${o.origin}), without allowing credentials.`,
      evidence: [
        evidenceFrom(
          o.exchange,
          `An unrelated origin, ${o.origin}, was echoed back (no Access-Control-Allow-Credentials).`,
          {
            headers: [
              "access-control-allow-origin",
              "access-control-allow-credentials",
              "vary",
              "content-type",
            ],
          },
        ),
      ],
      details: { originTried: o.origin },
    }));
  },
};
