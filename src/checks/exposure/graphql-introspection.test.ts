import assert from "node:assert/strict";
import type { IncomingMessage } from "node:http";
import { INTROSPECTION_QUERY } from "../../artifacts/index.ts";
import { cdnSite } from "../../../test/fixtures/sites/cdn.ts";
import { spaSite } from "../../../test/fixtures/sites/spa.ts";
import type { Handler } from "../../../test/support/server.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { recorded } from "../../../test/tester/recording.ts";

const SCHEMA = {
  data: {
    __schema: {
      queryType: { name: "Query" },
      mutationType: { name: "Mutation" },
      types: [
        "Query",
        "Mutation",
        "User",
        "Order",
        "AdminAuditLog",
        "String",
        "Boolean",
        "__Schema",
        "__Type",
      ].map((name) => ({ name, kind: "OBJECT" })),
    },
  },
};

const PAGE = `<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body></body></html>`;
const BUNDLE = `const client=()=>fetch("/api/v2/graphql",{method:"POST",body:JSON.stringify({query:"{ me { id } }"})});`;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => resolve(body));
  });
}

/** A GraphQL server at `path` (named in the bundle); `getAllowed` false makes it POST-only, like many are. */
function graphqlSite(options: {
  path: string;
  getAllowed: boolean;
  introspection: boolean;
  posts?: string[];
}): Handler {
  return (req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname === "/") return void res.writeHead(200, { "content-type": "text/html" }).end(PAGE);
    if (url.pathname === "/assets/app.js")
      return void res.writeHead(200, { "content-type": "text/javascript" }).end(BUNDLE);
    if (url.pathname !== options.path) return void res.writeHead(404).end("not found");
    const answer = (query: string | undefined) => {
      if (!query)
        return void res
          .writeHead(400, { "content-type": "application/json" })
          .end('{"errors":[{"message":"Must provide query string."}]}');
      if (query.includes("__schema") && !options.introspection)
        return void res
          .writeHead(400, { "content-type": "application/json" })
          .end('{"errors":[{"message":"GraphQL introspection is not allowed by Apollo Server"}]}');
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(SCHEMA));
    };
    if (req.method === "GET") {
      if (!options.getAllowed)
        return void res
          .writeHead(405, { "content-type": "application/json", allow: "POST" })
          .end('{"errors":[{"message":"GET requests are not supported; use POST"}]}');
      return answer(url.searchParams.get("query") ?? undefined);
    }
    if (req.method === "POST")
      return void readBody(req).then((body) => {
        options.posts?.push(body);
        answer((JSON.parse(body) as { query?: string }).query);
      });
    res.writeHead(405).end();
  };
}

const posts: string[] = [];

testCheck("exposure.graphql-introspection", {
  vulnerable: [
    {
      name: "a recorded answer with a schema, its odd type names not shown as they are",
      site: recorded()
        .page()
        .graphqlIntrospection("/graphql?query=x", {
          body: JSON.stringify({
            data: {
              __schema: {
                queryType: { name: "Query" },
                types: [{ name: "Query" }, { name: "User\u202e<b>" }],
              },
            },
          }),
        }),
      expect: (finding) => {
        assert.match(finding?.summary ?? "", /2 types of its own: Query, \(unnamed\)\./);
        assert.equal(finding?.details?.mutations, "no");
      },
    },
    {
      name: "an endpoint named in the bundle answers introspection over GET",
      site: graphqlSite({ path: "/api/v2/graphql", getAllowed: true, introspection: true }),
      expect: (finding) => {
        assert.equal(finding?.severity, "low");
        assert.match(
          finding?.summary ?? "",
          /\/api\/v2\/graphql answers the introspection query \(GET\): 5 types of its own, mutations included \(Mutation\): Query, Mutation, User, Order, AdminAuditLog\./,
        );
      },
    },
    {
      name: "a POST-only server at /graphql gets one read-only POST after refusing GET",
      site: graphqlSite({ path: "/graphql", getAllowed: false, introspection: true, posts }),
      expect: (finding, report) => {
        assert.match(finding?.summary ?? "", /\(POST\)/);
        assert.deepEqual(
          posts,
          [JSON.stringify({ query: INTROSPECTION_QUERY })],
          "one POST, the introspection query",
        );
        assert.ok(report.requests.sent > 0);
      },
    },
  ],
  safe: [
    {
      name: "introspection turned off (Apollo in production)",
      site: graphqlSite({ path: "/graphql", getAllowed: true, introspection: false }),
    },
    {
      name: "a POST-only server with introspection off",
      site: graphqlSite({ path: "/api/v2/graphql", getAllowed: false, introspection: false }),
    },
    { name: "a single-page app answering index.html everywhere", site: spaSite },
    { name: "a CDN-fronted site", site: cdnSite },
    {
      name: "a JSON answer that is not a schema (a catch-all API)",
      site: recorded().page().graphqlIntrospection("/graphql?query=x", { body: '{"data":{"ok":true}}' }),
    },
    {
      name: "a GraphQL error about introspection answered with 200",
      site: recorded().page().graphqlIntrospection("/graphql?query=x", {
        body: '{"errors":[{"message":"Cannot query field \\"__schema\\" on type \\"Query\\"."}]}',
      }),
    },
  ],
});
