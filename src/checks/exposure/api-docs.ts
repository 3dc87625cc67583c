import { type Check, evidenceFrom } from "../../core/index.ts";
import { apiDocs } from "./api-docs-signature.ts";
import { exposureNeeds } from "./shared.ts";
import { exposedFiles, originOf, pathOf } from "./exposed-files.ts";
import { CVSS_INFORMATIONAL } from "../../core/index.ts";

export const apiDocsCheck: Check = {
  meta: {
    id: "exposure.api-docs",
    title: "Your API's documentation (OpenAPI/Swagger) is public",
    cvss: CVSS_INFORMATIONAL,
    cwe: "CWE-200",
    references: [
      {
        title: "OWASP API Security Top 10: API9:2023 Improper Inventory Management",
        url: "https://owasp.org/API-Security/editions/2023/en/0xa9-improper-inventory-management/",
      },
      { title: "OpenAPI Specification", url: "https://spec.openapis.org/oas/latest.html" },
      {
        title: "FastAPI: Metadata and docs URLs",
        url: "https://fastapi.tiangolo.com/tutorial/metadata/#docs-urls",
      },
    ],
    explanation:
      "The machine-readable description of your API (an OpenAPI/Swagger schema, or the Swagger UI / Redoc page that shows it) is served to anyone. That is fine for a public API, and it is informational here. " +
      "For an internal or admin API it hands an attacker a map: every endpoint, parameter and model, including routes the app's pages never call. Check that every endpoint it lists enforces authentication on its own.",
    fixes: {
      fastapi: [
        "Turn the docs off in production, or put them behind authentication:",
        "```python",
        'app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None if settings.production else "/openapi.json")',
        "```",
      ].join("\n"),
      express: [
        "Mount `swagger-ui-express` only outside production, or behind your auth middleware:",
        "```js",
        "if (process.env.NODE_ENV !== 'production') app.use('/api-docs', swaggerUi.serve, swaggerUi.setup(spec));",
        "// or: app.use('/api-docs', requireAdmin, swaggerUi.serve, swaggerUi.setup(spec));",
        "```",
      ].join("\n"),
      nextjs:
        "Do not put the generated `openapi.json` in `public/`; serve it from a Route Handler that checks the session, or only in development.",
      nginx: [
        "Keep the docs off the public server, or restrict them:",
        "```nginx",
        "location ~ ^/(openapi\\.json|swagger|v3/api-docs|api-docs) {",
        "    allow 10.0.0.0/8;",
        "    deny all;",
        "}",
        "```",
      ].join("\n"),
      vercel:
        "Do not deploy the schema as a static file; generate it in development only or serve it from a protected function.",
      netlify:
        "Do not deploy the schema as a static file; generate it in development only or serve it from a protected function.",
    },
    learn: "exposed-files#api-docs",
    needs: exposureNeeds("api-docs"),
  },
  analyse(artifacts) {
    const files = exposedFiles(artifacts, "api-docs", (exchange) => apiDocs(exchange) !== undefined).sort(
      (a, b) => a.request.url.localeCompare(b.request.url),
    );
    return files.map((exchange) => {
      const docs = apiDocs(exchange)!;
      const about = [docs.title ? `"${docs.title}"` : "", docs.version ? `v${docs.version}` : ""]
        .filter(Boolean)
        .join(" ");
      return {
        url: exchange.request.url,
        groupKey: originOf(exchange),
        summary: `${pathOf(exchange)} serves ${docs.format}${about ? ` for ${about}` : ""}${docs.paths !== undefined ? ` documenting ${docs.paths} path${docs.paths === 1 ? "" : "s"}` : ""}.`,
        evidence: [evidenceFrom(exchange, `The response is ${docs.format}.`, { headers: ["content-type"] })],
        details: {
          path: pathOf(exchange),
          format: docs.format,
          ...(docs.title ? { title: docs.title } : {}),
          ...(docs.paths !== undefined ? { paths: String(docs.paths) } : {}),
        },
      };
    });
  },
};
