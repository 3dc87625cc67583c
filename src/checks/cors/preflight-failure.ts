import type { Check } from "../../core/check.ts";
import { evidenceFrom } from "../../core/evidence.ts";
import { corsObservations } from "../../derived/cors-observations.ts";
import { CORS_CWE, CORS_REFERENCES, CVSS_INFORMATIONAL } from "./shared.ts";

const lead =
  "Answer OPTIONS preflights with 204 and the CORS headers before authentication, routing or method checks run.";

export const preflightFailure: Check = {
  meta: {
    id: "cors.preflight-failure",
    title: "CORS preflight requests fail on an endpoint that uses CORS",
    cvss: CVSS_INFORMATIONAL,
    cwe: CORS_CWE,
    references: CORS_REFERENCES,
    explanation:
      "This endpoint sends CORS headers on normal requests, but the OPTIONS request that browsers send first for JSON, PUT or DELETE calls " +
      "(the preflight) gets a 404, 405 or server error. Browsers then block those calls from your own frontend. It is not a hole, but it is " +
      'the kind of breakage that tempts people to loosen CORS to "allow everything"; fix the preflight instead.',
    fixes: {
      express: `${lead} With the \`cors\` package: \`app.options('*', cors(corsOptions))\` before your routes, or \`app.use(cors(corsOptions))\` first.`,
      nextjs: `${lead} Export an \`OPTIONS\` handler from the route (or answer it in middleware) returning 204 with the CORS headers.`,
      fastapi: `${lead} Add \`CORSMiddleware\` (it answers preflights itself) rather than handling CORS in each route.`,
      nginx: `${lead}\n\`\`\`nginx\nif ($request_method = OPTIONS) { return 204; }\n\`\`\``,
      fastify: `${lead} \`@fastify/cors\` answers preflights when registered before the routes.`,
      hono: `${lead} Mount \`cors()\` with \`app.use\` on the path, so it sees OPTIONS before the router.`,
    },
    learn: "cors#preflight-failure",
    needs: ["cors"],
  },
  analyse(artifacts) {
    const observations = corsObservations(artifacts);
    const corsEnabled = new Set(
      observations.filter((o) => o.kind === "simple" && o.allowOrigin !== undefined).map((o) => o.endpoint),
    );
    return observations
      .filter((o) => o.kind === "preflight" && o.variant === "own" && corsEnabled.has(o.endpoint))
      .filter((o) => o.status === 404 || o.status === 405 || o.status >= 500)
      .map((o) => ({
        url: o.endpoint,
        groupKey: new URL(o.endpoint).origin,
        summary: `The preflight for ${o.endpoint} from its own site's origin answered ${o.status}.`,
        evidence: [
          evidenceFrom(o.exchange, `The OPTIONS preflight answered ${o.status}.`, {
            headers: ["access-control-allow-origin", "allow", "content-type"],
          }),
        ],
      }));
  },
};
