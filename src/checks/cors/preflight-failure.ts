import { type Check, evidenceFrom, CVSS_INFORMATIONAL } from "../../core/index.ts";
import {
  CorsObservations,
  isHtml,
  onePerEndpoint,
  simpleTwin,
  TRUSTED_VARIANTS,
} from "../../artifacts/index.ts";
import { CORS_CWE, CORS_REFERENCES } from "./shared.ts";

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
      "(the preflight) gets a 404, 405, 401 or server error, or an answer without the CORS headers. Browsers then block those calls from your own frontend. It is not a hole, but it is " +
      'the kind of breakage that tempts people to loosen CORS to "allow everything"; fix the preflight instead.',
    fixes: {
      express: `${lead} With the \`cors\` package, \`app.use(cors(corsOptions))\` before your routes and your auth middleware (or \`app.options('/{*path}', cors(corsOptions))\` in Express 5).`,
      nextjs: `${lead} Export an \`OPTIONS\` handler from the route (or answer it in middleware) returning 204 with the CORS headers.`,
      fastapi: `${lead} Add \`CORSMiddleware\` (it answers preflights itself) rather than handling CORS in each route.`,
      nginx: [
        `${lead} Answer it in the location, with the same allowlist map (\`$cors_origin\`) as the normal responses:`,
        "```nginx",
        "location /api/ {",
        "    if ($request_method = OPTIONS) {",
        "        add_header Access-Control-Allow-Origin $cors_origin always;",
        '        add_header Access-Control-Allow-Methods "GET, POST, PUT, DELETE" always;',
        '        add_header Access-Control-Allow-Headers "Content-Type, Authorization" always;',
        "        add_header Vary Origin always;",
        "        return 204;",
        "    }",
        "    proxy_pass http://app;",
        "}",
        "```",
      ].join("\n"),
      fastify: `${lead} \`@fastify/cors\` answers preflights when registered before the routes.`,
      hono: `${lead} Mount \`cors()\` with \`app.use\` on the path, so it sees OPTIONS before the router.`,
    },
    learn: "cors#preflight-failure",
    needs: [CorsObservations],
  },
  analyse(artifacts) {
    const observations = artifacts.read(CorsObservations);
    const failed = observations.filter((o) => {
      if (o.kind !== "preflight" || !TRUSTED_VARIANTS.includes(o.variant)) return false;
      const get = simpleTwin(observations, o);
      // CORS-enabled: the site's own origin, or the one it trusts instead, may read it (echoed or `*`) on a
      // normal request. Documents
      // are left out (nobody sends a PUT with JSON to an HTML page), as are paths that do not exist.
      if (!get || (!get.echoed && !get.wildcard) || isHtml(get) || !exists(get.status)) return false;
      // Browsers accept a preflight only with a 2xx status and the origin allowed; they follow no redirect.
      return !(ok(o.status) && allows(o));
    });
    return onePerEndpoint(failed).map((o) => ({
      url: o.endpoint,
      groupKey: new URL(o.endpoint).origin,
      summary: ok(o.status)
        ? `The preflight for ${o.endpoint} from ${trustedName(o)} answered ${o.status} without Access-Control-Allow-Origin.`
        : `The preflight for ${o.endpoint} from ${trustedName(o)} answered ${o.status}.`,
      evidence: [
        evidenceFrom(
          o.exchange,
          ok(o.status)
            ? `The OPTIONS preflight answered ${o.status} but did not allow the origin, so the browser stops there.`
            : `The OPTIONS preflight answered ${o.status}.`,
          {
            headers: ["access-control-allow-origin", "access-control-allow-methods", "allow", "content-type"],
          },
        ),
      ],
    }));
  },
};

function trustedName(o: { variant: string; origin: string }): string {
  return o.variant === "own" ? "its own site's origin" : `the origin it trusts (${o.origin})`;
}

function ok(status: number): boolean {
  return status >= 200 && status < 300;
}

/** The endpoint is there: it answered, or asked for credentials. */
function exists(status: number): boolean {
  return ok(status) || status === 401 || status === 403;
}

function allows(preflight: { allowOrigin: string | undefined; echoed: boolean }): boolean {
  return preflight.echoed || preflight.allowOrigin === "*";
}
