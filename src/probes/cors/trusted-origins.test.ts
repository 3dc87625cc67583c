import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  connectSrcOrigins,
  MAX_TRUSTED_CANDIDATES,
  originsNamedIn,
  trustedOriginCandidates,
} from "./trusted-origins.ts";

const none = { named: [], namedByPage: [] };

describe("candidate trusted origins", () => {
  it("an API on api.example.com: its origin as allowlists spell it, then the front-end siblings", () => {
    assert.deepEqual(
      trustedOriginCandidates({
        pageOrigin: "http://api.example.com:8080",
        endpointOrigin: "http://api.example.com:8080",
        ...none,
      }),
      [
        "http://api.example.com",
        "https://api.example.com",
        "https://app.example.com",
        "https://www.example.com",
        "https://example.com",
      ],
    );
  });

  it("never repeats the page's own origin, and keeps registrable domains under public suffixes", () => {
    const candidates = trustedOriginCandidates({
      pageOrigin: "https://www.example.co.uk",
      endpointOrigin: "https://www.example.co.uk",
      ...none,
    });
    assert.deepEqual(candidates, ["https://app.example.co.uk", "https://example.co.uk"]);
  });

  it("adds the siblings of an API that lives on another registrable domain", () => {
    const candidates = trustedOriginCandidates({
      pageOrigin: "https://shop.example.com",
      endpointOrigin: "https://api.example-cloud.io",
      ...none,
    });
    assert.ok(candidates.includes("https://app.example-cloud.io"), candidates.join(" "));
  });

  it("adds origins the page and its code name: same site first, a few from the CSP elsewhere", () => {
    const candidates = trustedOriginCandidates({
      pageOrigin: "https://api.example.com",
      endpointOrigin: "https://api.example.com",
      named: ["https://dashboard.example.com/login", "https://fonts.example.net/a.css", "data:text/plain,x"],
      namedByPage: ["https://console.partner.dev"],
    });
    assert.ok(candidates.includes("https://dashboard.example.com"));
    assert.ok(candidates.includes("https://console.partner.dev"));
    assert.ok(!candidates.includes("https://fonts.example.net"), "named in a body, not by the page's CSP");
    assert.ok(
      candidates.indexOf("https://dashboard.example.com") < candidates.indexOf("https://console.partner.dev"),
    );
  });

  it("is bounded whatever the page names", () => {
    const named = Array.from({ length: 500 }, (_, i) => `https://h${i}.example.com/`);
    const candidates = trustedOriginCandidates({
      pageOrigin: "https://api.example.com",
      endpointOrigin: "https://api.example.com",
      named,
      namedByPage: named,
    });
    assert.equal(candidates.length, MAX_TRUSTED_CANDIDATES);
    assert.equal(new Set(candidates).size, candidates.length);
  });

  it("an IP address or localhost: no siblings to guess", () => {
    assert.deepEqual(
      trustedOriginCandidates({
        pageOrigin: "http://127.0.0.1:3000",
        endpointOrigin: "http://127.0.0.1:3000",
        ...none,
      }),
      ["http://127.0.0.1", "https://127.0.0.1"],
    );
  });
});

describe("origins named in text and CSP", () => {
  it("finds origins in minified and JSON-escaped code, deduplicated, in order", () => {
    const code = `const a="https://app.example.com/x",b='https:\\/\\/api.example.com\\/v1';fetch("https://app.example.com:8443/y")`;
    assert.deepEqual(originsNamedIn(code), [
      "https://app.example.com",
      "https://api.example.com",
      "https://app.example.com:8443",
    ]);
  });

  it("reads connect-src hosts and URLs, skipping wildcards and keywords", () => {
    assert.deepEqual(
      connectSrcOrigins([
        "default-src 'self'; connect-src 'self' https://api.example.com wss://ws.example.com app.example.com *.example.com",
        "connect-src http://legacy.example.com:8080/path",
      ]),
      ["https://api.example.com", "https://app.example.com", "http://legacy.example.com:8080"],
    );
  });
});
