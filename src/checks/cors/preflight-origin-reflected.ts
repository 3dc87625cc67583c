import { type Check, evidenceFrom, headerTokens } from "../../core/index.ts";
import { CorsObservations, onePerEndpoint, reflectsArbitrary } from "../../artifacts/index.ts";
import { ALLOWLIST_FIXES, CORS_CWE, CORS_REFERENCES } from "./shared.ts";

const SIMPLE_METHODS = new Set(["get", "head", "post"]);

export const preflightOriginReflected: Check = {
  meta: {
    id: "cors.preflight-origin-reflected",
    title: "Preflights let any website send credentialed writes",
    // The browser sends the real request (a write) though the answer stays unreadable: integrity, not confidentiality.
    cvss: "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:H/A:N",
    cwe: CORS_CWE,
    references: CORS_REFERENCES,
    explanation:
      "Normal requests get a strict CORS answer, but the OPTIONS preflight approves any origin with credentials. The preflight is the browser " +
      'asking "may this site send a PUT/DELETE/JSON request with the user\'s cookies?", and the server says yes to everyone. A malicious page can ' +
      "then make your logged-in users' browsers change or delete their data, even though it cannot read the answers. This happens when a " +
      "separate OPTIONS handler (or a proxy) answers preflights with the request's Origin.",
    fixes: ALLOWLIST_FIXES,
    learn: "cors#preflight-origin-reflected",
    needs: [CorsObservations],
  },
  analyse(artifacts) {
    const observations = artifacts.read(CorsObservations);
    const approved = observations
      .filter((o) => o.kind === "preflight" && o.variant === "arbitrary" && o.echoed && o.credentials)
      .filter((o) => o.status >= 200 && o.status < 300)
      .filter((o) => !reflectsArbitrary(observations, o.endpoint, true))
      .filter((o) => {
        // The browser needs a non-simple method or a JSON content type approved for the request to matter.
        const headers = o.exchange.response!.headers;
        const methods = headerTokens(headers, "access-control-allow-methods");
        const allowedHeaders = headerTokens(headers, "access-control-allow-headers");
        return (
          methods.some((m) => !SIMPLE_METHODS.has(m) && m !== "*") || allowedHeaders.includes("content-type")
        );
      });
    return onePerEndpoint(approved).map((o) => ({
      url: o.endpoint,
      groupKey: new URL(o.endpoint).origin,
      summary: `The preflight for ${o.endpoint} approves any origin (tried ${o.origin}) with credentials, though normal requests do not.`,
      evidence: [
        evidenceFrom(o.exchange, `The preflight from ${o.origin} was approved with credentials.`, {
          headers: [
            "access-control-allow-origin",
            "access-control-allow-credentials",
            "access-control-allow-methods",
            "access-control-allow-headers",
          ],
        }),
      ],
      details: { originTried: o.origin },
    }));
  },
};
