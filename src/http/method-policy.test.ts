import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Method } from "../core/exchange.ts";
import { startServer, type Handler, type TestServer } from "../../test/support/server.ts";
import { HttpClient, DEFAULT_LIMITS } from "./client.ts";
import { methodRefusal } from "./method-policy.ts";

const url = (path: string) => new URL(`https://project.supabase.co${path}`);
const STORAGE_LIST = "/storage/v1/object/list/avatars";

describe("methodRefusal", () => {
  for (const method of ["GET", "HEAD", "OPTIONS"] as const) {
    it(`allows ${method} anywhere`, () => assert.equal(methodRefusal(method, url("/anything")), null));
  }

  it("allows POST only to the Supabase Storage list path", () => {
    assert.equal(methodRefusal("POST", url(STORAGE_LIST)), null);
    for (const path of [
      "/",
      "/api/login",
      "/storage/v1/object/list",
      "/storage/v1/object/list/",
      "/storage/v1/object/list/avatars/extra",
      "/storage/v1/object/avatars",
      "/x/storage/v1/object/list/avatars",
      "/rest/v1/users",
    ]) {
      assert.match(methodRefusal("POST", url(path)) ?? "", /never sends/, `POST ${path} must be refused`);
    }
  });

  it("allows a GraphQL POST only when its body is one bounded query operation", () => {
    const introspection = JSON.stringify({ query: "{__schema{types{name}}}" });
    for (const path of ["/graphql", "/api/graphql", "/v1/graphql", "/gql", "/query"])
      assert.equal(methodRefusal("POST", url(path), introspection), null, path);
    assert.equal(
      methodRefusal(
        "POST",
        url("/graphql"),
        JSON.stringify({ query: "query Schema { __schema { types { name } } }" }),
      ),
      null,
    );
    for (const body of [
      JSON.stringify({ query: "mutation { deleteUser(id: 1) { id } }" }),
      JSON.stringify({ query: "{ a } mutation M { deleteUser(id: 1) { id } }" }),
      JSON.stringify({ query: "subscription { orders { id } }" }),
      JSON.stringify({ query: "{ __schema { types { name } } }", extensions: { persistedQuery: {} } }),
      JSON.stringify({ query: `{ ${"a ".repeat(600)} }` }),
      "not json",
      undefined,
    ])
      assert.match(methodRefusal("POST", url("/graphql"), body) ?? "", /never sends/, String(body));
    assert.match(methodRefusal("POST", url("/api/login"), introspection) ?? "", /never sends/);
  });

  it("allows an MCP POST only for initialize, its notification and tools/list", () => {
    const message = (method: string) => JSON.stringify({ jsonrpc: "2.0", id: 1, method, params: {} });
    for (const method of ["initialize", "notifications/initialized", "tools/list"])
      assert.equal(methodRefusal("POST", url("/mcp"), message(method)), null, method);
    for (const method of ["tools/call", "resources/read", "prompts/get", "sampling/createMessage"])
      assert.match(methodRefusal("POST", url("/mcp"), message(method)) ?? "", /never sends/, method);
    assert.match(
      methodRefusal("POST", url("/mcp"), `[${message("tools/list")}]`) ?? "",
      /never sends/,
      "no batches",
    );
    assert.match(methodRefusal("POST", url("/api/mcp-proxy"), message("tools/list")) ?? "", /never sends/);
  });

  for (const method of ["PUT", "DELETE", "PATCH", "CONNECT", "TRACE", "get", "FOO"]) {
    it(`refuses ${method}, even to the read-only POST path`, () => {
      assert.ok(methodRefusal(method as Method, url(STORAGE_LIST)));
      assert.ok(methodRefusal(method as Method, url("/")));
    });
  }
});

describe("the client enforces the method policy on the wire", () => {
  let server: TestServer;
  let client: HttpClient;
  before(async () => {
    const ok: Handler = (_req, res) => res.end("ok");
    server = await startServer(ok);
    client = new HttpClient({ limits: DEFAULT_LIMITS, deadline: new AbortController().signal });
  });
  after(async () => {
    await client.close();
    await server.close();
  });

  it("never sends PUT, DELETE, PATCH or a POST outside the named path, and records why", async () => {
    const refused = [
      ["PUT", "/api/items/1"],
      ["DELETE", "/api/items/1"],
      ["PATCH", "/api/items/1"],
      ["PUT", STORAGE_LIST],
      ["DELETE", STORAGE_LIST],
      ["POST", "/api/login"],
      ["POST", "/storage/v1/object/list/a/b"],
      ["POST", "/graphql", JSON.stringify({ query: "mutation { deleteUser(id: 1) { id } }" })],
      [
        "POST",
        "/mcp",
        JSON.stringify({ jsonrpc: "2.0", id: 3, method: "tools/call", params: { name: "send_email" } }),
      ],
    ] as const;
    for (const [method, path, body = "{}"] of refused) {
      const exchange = await client.send({
        method: method as Method,
        url: `${server.url}${path}`,
        body,
        probe: "test",
      });
      assert.equal(exchange.error?.code, "blocked-method", `${method} ${path}`);
      assert.equal(exchange.response, undefined);
    }
    assert.deepEqual(server.seen, [], "the server saw none of them");
    assert.equal(client.requestsSent, 0, "refused requests do not use the budget");
  });

  it("sends GET, HEAD, OPTIONS and the read-only POST", async () => {
    for (const method of ["GET", "HEAD", "OPTIONS"] as const) {
      const exchange = await client.send({ method, url: `${server.url}/x`, probe: "test" });
      assert.equal(exchange.response?.status, 200);
    }
    const post = await client.send({
      method: "POST",
      url: `${server.url}${STORAGE_LIST}`,
      body: '{"prefix":"","limit":1}',
      headers: { "content-type": "application/json" },
      probe: "test",
    });
    assert.equal(post.response?.status, 200);
    assert.deepEqual(
      server.seen.map((seen) => `${seen.method} ${seen.url}`),
      ["GET /x", "HEAD /x", "OPTIONS /x", `POST ${STORAGE_LIST}`],
    );
  });

  it("does not turn a redirect into a refused method or a re-sent POST body", async () => {
    const redirect: Handler = (req, res) => {
      if (req.url === STORAGE_LIST) res.writeHead(302, { location: "/elsewhere" }).end();
      else res.end("landed");
    };
    const redirecting = await startServer(redirect);
    try {
      const exchange = await client.send({
        method: "POST",
        url: `${redirecting.url}${STORAGE_LIST}`,
        body: "{}",
        probe: "test",
        follow: true,
      });
      assert.equal(exchange.response?.status, 200);
      assert.deepEqual(
        redirecting.seen.map((seen) => seen.method),
        ["POST", "GET"],
        "a 302 after a POST is followed with a GET, as browsers do",
      );
    } finally {
      await redirecting.close();
    }
  });
});
