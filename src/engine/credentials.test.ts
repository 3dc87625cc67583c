import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseTarget } from "../core/target.ts";
import { credentialHeaders, credentialsAllowed } from "./credentials.ts";

describe("credentialsAllowed", () => {
  const https = parseTarget("https://app.example.com/");
  const allowed = (target: ReturnType<typeof parseTarget>, url: string) =>
    credentialsAllowed(target, new URL(url));

  it("allows the target's own site: the host, its subdomains and its apex", () => {
    assert.equal(allowed(https, "https://app.example.com/api"), true);
    assert.equal(allowed(https, "https://api.example.com/v1"), true);
    assert.equal(allowed(https, "https://example.com/"), true);
    assert.equal(allowed(https, "https://app.example.com:8443/"), true);
  });

  it("refuses other sites, including look-alikes and shared hosting neighbours", () => {
    assert.equal(allowed(https, "https://example.com.evil.test/"), false);
    assert.equal(allowed(https, "https://cdn.jsdelivr.net/"), false);
    const vercel = parseTarget("https://my-app.vercel.app/");
    assert.equal(allowed(vercel, "https://someone-else.vercel.app/"), false);
  });

  it("never sends an https target's credentials over plain http", () => {
    assert.equal(allowed(https, "http://app.example.com/"), false);
    const plain = parseTarget("http://app.example.com/");
    assert.equal(allowed(plain, "http://app.example.com/"), true);
    assert.equal(allowed(plain, "https://app.example.com/"), true);
  });

  it("for an IP or single-label target, allows that exact host only", () => {
    const ip = parseTarget("http://127.0.0.1:3000/");
    assert.equal(allowed(ip, "http://127.0.0.1:4000/"), true);
    assert.equal(allowed(ip, "http://127.0.0.2:3000/"), false);
    const local = parseTarget("http://localhost:3000/");
    assert.equal(allowed(local, "http://localhost:5173/"), true);
    assert.equal(allowed(local, "http://127.0.0.1:3000/"), false);
  });
});

describe("credentialHeaders", () => {
  it("joins cookies into one Cookie header after the user's headers", () => {
    assert.deepEqual(credentialHeaders([["authorization", "Bearer x"]], ["a=1", "b=2"]), [
      ["authorization", "Bearer x"],
      ["cookie", "a=1; b=2"],
    ]);
    assert.deepEqual(credentialHeaders(), []);
  });
});
