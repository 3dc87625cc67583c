import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { extractEndpoints } from "./endpoint-extract.ts";

const BASE = "https://app.example.com/static/main.js";
const urls = (code: string) => extractEndpoints(code, BASE).map((mention) => mention.url);

describe("endpoints named in JavaScript", () => {
  it("finds fetch, axios and ky calls, resolved against the bundle's URL", () => {
    assert.deepEqual(
      extractEndpoints(
        `fetch("/api/me");axios.get('/api/users');axios("/v1/x");ky.get("/api/k");axios.post("/api/login",{})`,
        BASE,
      ),
      [
        { url: "https://app.example.com/api/me", kind: "call" },
        { url: "https://app.example.com/api/users", kind: "call" },
        { url: "https://app.example.com/v1/x", kind: "call" },
        { url: "https://app.example.com/api/k", kind: "call" },
        { url: "https://app.example.com/api/login", kind: "call" },
      ],
    );
  });

  it("cuts template literals at the first placeholder", () => {
    assert.deepEqual(urls("fetch(`/api/users/${id}/orders`)"), ["https://app.example.com/api/users/"]);
    // Nothing is left of a template that starts with a placeholder (its host is unknown here).
    assert.deepEqual(urls("fetch(`${BASE_URL}/api/items`)"), []);
  });

  it("finds API-looking string literals that are not passed to a call, and absolute URLs", () => {
    assert.deepEqual(
      urls(`const a="/graphql",b='/rest/v1/profiles?select=*',c="https://api.example.com:8443/v2/items";`),
      [
        "https://app.example.com/graphql",
        "https://app.example.com/rest/v1/profiles?select=*",
        "https://api.example.com:8443/v2/items",
      ],
    );
    assert.deepEqual(urls(`const docs="https://docs.example.com/guide";`), [
      "https://docs.example.com/guide",
    ]);
  });

  it("keeps the query string, drops the fragment, and lists each URL once", () => {
    assert.deepEqual(
      urls(`fetch("/api/orders?status=open&limit=5#top");x="/api/orders?status=open&limit=5"`),
      ["https://app.example.com/api/orders?status=open&limit=5"],
    );
  });

  it("leaves out static assets, protocol-relative URLs and non-paths", () => {
    assert.deepEqual(
      urls(
        [
          `fetch("/static/app.js")`,
          `x="/api/logo.png"`,
          `y="https://cdn.example.com/font.woff2"`,
          `z="/api/config.json"`,
          `fetch("//cdn.example.com/api/x")`,
          `fetch("api/relative")`,
          `fetch("data:text/plain,hi")`,
          `m="/assets/index-4f9a2c1e.css?v=2"`,
        ].join(";"),
      ),
      [],
    );
  });

  it("leaves it to the caller to decide what is in scope (other sites are returned too)", () => {
    assert.deepEqual(urls(`fetch("https://other.example.net/api/q")`), ["https://other.example.net/api/q"]);
  });

  it("stays bounded on hostile input", () => {
    const many = Array.from({ length: 5000 }, (_, i) => `fetch("/api/e${i}")`).join(";");
    assert.ok(urls(many).length <= 2000);
    assert.deepEqual(urls(`fetch("/api/${"a".repeat(400)}")`), []);
  });
});
