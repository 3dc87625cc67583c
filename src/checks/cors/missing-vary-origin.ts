import { type Check, evidenceFrom } from "../../core/index.ts";
import {
  CorsObservations,
  dependsOnOrigin,
  isTrustedAndAllowed,
  onePerEndpoint,
  reflectsArbitrary,
} from "../../artifacts/index.ts";
import { reusedFromCache } from "./cacheable.ts";
import { CORS_CWE, CORS_REFERENCES } from "./shared.ts";

const varyFix =
  "Add `Vary: Origin` to every response whose Access-Control-Allow-Origin depends on the request's Origin.";

export const missingVaryOrigin: Check = {
  meta: {
    id: "cors.missing-vary-origin",
    title: "A per-origin CORS answer can be cached and served to the wrong site (no `Vary: Origin`)",
    cvss: "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:N/I:L/A:N",
    cwe: CORS_CWE,
    references: [
      ...CORS_REFERENCES,
      { title: "MDN: Vary", url: "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Vary" },
    ],
    explanation:
      "The server picks Access-Control-Allow-Origin according to the request's Origin, but does not say `Vary: Origin`. A CDN, proxy or the browser " +
      "cache may then store the answer given to one origin and replay it to another: your own frontend randomly breaks, or a cached answer " +
      "meant for a trusted origin is handed out more widely than you intended.",
    fixes: {
      express: `${varyFix} The \`cors\` package does this when \`origin\` is a list or a function; hand-written middleware must call \`res.vary('Origin')\`.`,
      nextjs: `${varyFix} In middleware: \`res.headers.append('Vary', 'Origin')\`.`,
      fastapi: `${varyFix} Starlette's CORSMiddleware adds it for explicit allowlists; custom middleware must set \`response.headers['Vary'] = 'Origin'\`.`,
      nginx: `${varyFix}\n\`\`\`nginx\nadd_header Vary Origin always;\n\`\`\``,
      fastify: `${varyFix} \`@fastify/cors\` adds it for lists; custom hooks must call \`reply.header('Vary', 'Origin')\`.`,
      hono: `${varyFix} \`hono/cors\` adds it when origin is not \`*\`; custom middleware must call \`c.header('Vary', 'Origin', { append: true })\`.`,
    },
    learn: "cors#missing-vary-origin",
    needs: [CorsObservations],
  },
  analyse(artifacts) {
    const observations = artifacts.read(CorsObservations);
    const unvaried = observations.filter(
      (o) =>
        // The site's own origin, or the origin it trusts instead (its front-end's), was allowed.
        isTrustedAndAllowed(o) &&
        !o.varyOrigin &&
        // A fixed Access-Control-Allow-Origin (the same whatever the Origin) needs no Vary.
        dependsOnOrigin(observations, o) &&
        // Endpoints that echo anyone have a bigger problem, reported on its own.
        !reflectsArbitrary(observations, o.endpoint, true) &&
        !reflectsArbitrary(observations, o.endpoint, false) &&
        // Only an answer reused without asking the server can reach another origin.
        reusedFromCache(o.exchange.response!),
    );
    return onePerEndpoint(unvaried).map((o) => ({
      url: o.endpoint,
      groupKey: new URL(o.endpoint).origin,
      summary: `${o.endpoint} echoes the allowed origin ${o.origin} in a cacheable response without Vary: Origin.`,
      evidence: [
        evidenceFrom(
          o.exchange,
          "The allowed origin was echoed in a response caches may reuse, but Vary does not name Origin.",
          {
            headers: [
              "access-control-allow-origin",
              "vary",
              "cache-control",
              "expires",
              "last-modified",
              "age",
            ],
          },
        ),
      ],
    }));
  },
};
