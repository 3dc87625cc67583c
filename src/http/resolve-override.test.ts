import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findOverride, OverrideSyntaxError, parseOverride } from "./resolve-override.ts";

describe("parseOverride (curl --resolve / --connect-to syntax)", () => {
  it("reads host:port:address", () => {
    assert.deepEqual(parseOverride("example.com:443:127.0.0.1"), {
      host: "example.com",
      port: "443",
      address: "127.0.0.1",
    });
  });

  it("lower-cases the host and trims the spec", () => {
    assert.equal(parseOverride("  App.Example.COM:80:127.0.0.1 ").host, "app.example.com");
  });

  it("reads a bracketed IPv6 address", () => {
    assert.deepEqual(parseOverride("example.com:443:[::1]"), {
      host: "example.com",
      port: "443",
      address: "::1",
    });
  });

  it("reads a connect port after the address (--connect-to)", () => {
    assert.deepEqual(parseOverride("x.supabase.co:443:127.0.0.1:8443"), {
      host: "x.supabase.co",
      port: "443",
      address: "127.0.0.1",
      connectPort: 8443,
    });
    assert.deepEqual(parseOverride("x.supabase.co:443:[::1]:8443"), {
      host: "x.supabase.co",
      port: "443",
      address: "::1",
      connectPort: 8443,
    });
  });

  it("accepts * as any port", () => {
    assert.equal(parseOverride("example.com:*:127.0.0.1").port, "*");
  });

  for (const [spec, why] of [
    ["example.com", "no port or address"],
    ["example.com:443", "no address"],
    ["example.com:443:", "empty address"],
    [":443:127.0.0.1", "no host"],
    ["example.com:https:127.0.0.1", "port is not a number"],
    ["example.com:443:[::1", "unclosed bracket"],
    ["example.com:443:[]", "empty bracketed address"],
    ["example.com:443:127.0.0.1:http", "connect port is not a number"],
    ["example.com:443:127.0.0.1:0", "connect port 0"],
    ["example.com:443:127.0.0.1:70000", "connect port out of range"],
    ["example.com:443:[::1]x", "junk after the bracket"],
  ] as const) {
    it(`refuses ${JSON.stringify(spec)} (${why}) with a clear error`, () => {
      assert.throws(() => parseOverride(spec), OverrideSyntaxError);
    });
  }
});

describe("findOverride", () => {
  const overrides = [
    parseOverride("a.test:443:127.0.0.1"),
    parseOverride("a.test:*:127.0.0.2"),
    parseOverride("b.test:80:[::1]:8080"),
  ];

  it("prefers an exact port over the * entry", () => {
    assert.equal(findOverride(overrides, "a.test", 443)?.address, "127.0.0.1");
    assert.equal(findOverride(overrides, "a.test", 8443)?.address, "127.0.0.2");
  });

  it("matches host names case-insensitively", () => {
    assert.equal(findOverride(overrides, "A.TEST", 443)?.address, "127.0.0.1");
  });

  it("keeps the connect port of the matching entry", () => {
    assert.deepEqual(findOverride(overrides, "b.test", 80), {
      host: "b.test",
      port: "80",
      address: "::1",
      connectPort: 8080,
    });
  });

  it("returns nothing for other hosts or ports", () => {
    assert.equal(findOverride(overrides, "b.test", 443), undefined);
    assert.equal(findOverride(overrides, "c.test", 80), undefined);
  });
});
