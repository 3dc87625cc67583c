import { type Check, evidenceFrom } from "../../core/index.ts";
import { CorsObservations, onePerEndpoint, onlyOnMissingPath } from "../../artifacts/index.ts";
import { readPoc } from "./poc.ts";
import { ALLOWLIST_FIXES, CORS_CWE, CORS_REFERENCES, CVSS_READ_WITH_CREDENTIALS } from "./shared.ts";

export const originReflected: Check = {
  meta: {
    id: "cors.origin-reflected",
    title: "Any website can read this API as the logged-in user",
    cvss: CVSS_READ_WITH_CREDENTIALS,
    cwe: CORS_CWE,
    references: CORS_REFERENCES,
    explanation:
      "The server copies whatever Origin a browser sends into Access-Control-Allow-Origin and also says Access-Control-Allow-Credentials: true. " +
      "That tells every browser that any website may call this API with the visitor's cookies and read the answer. " +
      "If one of your users opens a malicious page while logged in, that page can quietly fetch their data (profile, orders, tokens) and act with it. " +
      "This usually comes from `cors({ origin: true, credentials: true })` or code that echoes the Origin header to make CORS errors go away.",
    fixes: ALLOWLIST_FIXES,
    learn: "cors#origin-reflected",
    needs: [CorsObservations],
  },
  analyse(artifacts) {
    const observations = artifacts.read(CorsObservations);
    const reflected = observations.filter(
      (o) =>
        o.kind === "simple" &&
        o.variant === "arbitrary" &&
        o.readableWithCredentials &&
        !onlyOnMissingPath(observations, o),
    );
    return onePerEndpoint(reflected).map((o) => ({
      url: o.endpoint,
      groupKey: new URL(o.endpoint).origin,
      summary: `${o.endpoint} echoes any Origin (tried ${o.origin}) and allows credentials.${withoutSession(o.status)}`,
      evidence: [
        evidenceFrom(
          o.exchange,
          `An unrelated origin, ${o.origin}, was echoed back with Access-Control-Allow-Credentials: true.`,
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
      details: { originTried: o.origin, allowOrigin: o.allowOrigin ?? "" },
      poc: readPoc(o.endpoint, "Open this page from any website, or as a local file."),
    }));
  },
};

/** An API that refuses the scanner (no session) still applies its CORS policy to a logged-in user. */
export function withoutSession(status: number): string {
  return status === 401 || status === 403
    ? ` It answered ${status} to the scanner, which has no session; a logged-in user's browser sends their cookies and gets the real answer.`
    : "";
}
