import { type Check, evidenceFrom } from "../../core/index.ts";
import { CmsResponses } from "../../artifacts/index.ts";
import { xmlrpcAnswers } from "./signatures.ts";

export const cmsXmlrpcEnabled: Check = {
  meta: {
    id: "cms.xmlrpc-enabled",
    title: "WordPress XML-RPC (xmlrpc.php) answers anyone",
    // Password guessing pays off only where a user has a guessable password: a condition the attacker
    // does not control (AC:H). What it can read is one account's access, low on its own.
    cvss: "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N",
    cwe: "CWE-307",
    references: [
      {
        title: "WordPress Developer Resources: XML-RPC",
        url: "https://developer.wordpress.org/advanced-administration/wordpress/xml-rpc/",
      },
      {
        title: "WordPress: xmlrpc_enabled filter",
        url: "https://developer.wordpress.org/reference/hooks/xmlrpc_enabled/",
      },
      {
        title: "CWE-307: Improper Restriction of Excessive Authentication Attempts",
        url: "https://cwe.mitre.org/data/definitions/307.html",
      },
    ],
    explanation:
      "Your WordPress answers at `/xmlrpc.php`, the remote-publishing interface from before the REST API. " +
      "Its `system.multicall` method tries hundreds of passwords in one request, past most login-attempt limits, and its pingback method makes your server fetch any URL an attacker names (used to flood other sites and to probe your own network). " +
      "Few sites still need it (the Jetpack plugin and very old mobile apps do): block the file at the web server.",
    fixes: {
      nginx: [
        "```nginx",
        "location = /xmlrpc.php {",
        "    deny all;          # 403; or: return 404;",
        "    access_log off;",
        "}",
        "```",
        "If you use Jetpack, allow only its addresses (Automattic publishes them) instead of denying everyone.",
      ].join("\n"),
      apache: ["```apache", '<Files "xmlrpc.php">', "    Require all denied", "</Files>", "```"].join("\n"),
      express: [
        "WordPress behind an Express proxy: refuse the path before proxying:",
        "```js",
        "app.all('/xmlrpc.php', (req, res) => res.sendStatus(403));",
        "```",
      ].join("\n"),
      nextjs: [
        "A headless WordPress keeps its own host public: block the file there (see nginx). If Next.js proxies WordPress, refuse it in `middleware.ts`:",
        "```ts",
        "if (req.nextUrl.pathname === '/xmlrpc.php') return new NextResponse(null, { status: 403 });",
        "```",
      ].join("\n"),
      fastapi: [
        "WordPress behind a FastAPI proxy: refuse the path before proxying:",
        "```python",
        "@app.api_route('/xmlrpc.php', methods=['GET', 'POST'])",
        "async def no_xmlrpc():",
        "    return Response(status_code=403)",
        "```",
      ].join("\n"),
    },
    learn: "cms#xmlrpc-enabled",
    needs: [{ kind: CmsResponses, request: "xmlrpc" }],
  },
  analyse(artifacts) {
    const exchange = artifacts.read(CmsResponses).answers["wp-xmlrpc"];
    if (!exchange || !xmlrpcAnswers(exchange)) return [];
    const url = exchange.request.url;
    return [
      {
        url,
        summary: `${url} answers: WordPress XML-RPC is on ("accepts POST requests only" to a GET; no method was called).`,
        evidence: [
          evidenceFrom(exchange, "A GET of xmlrpc.php gets XML-RPC's own answer: the endpoint is live."),
        ],
      },
    ];
  },
};
