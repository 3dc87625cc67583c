import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { hostingSuffixesFor } from "./hosting-platforms.ts";
import { bypassOrigins, firstPassOrigins, isLocal } from "./origins.ts";

const SUFFIXES = ["vercel.app", "netlify.app"];
const byVariant = (pageOrigin: string) => {
  const map = new Map<string, string[]>();
  for (const probe of bypassOrigins(pageOrigin, SUFFIXES))
    map.set(probe.variant, [...(map.get(probe.variant) ?? []), probe.origin]);
  return Object.fromEntries(map);
};

describe("CORS probe origins", () => {
  it("first pass: the page's own origin and an unrelated attacker", () => {
    assert.deepEqual(firstPassOrigins("https://app.example.com"), [
      { variant: "own", origin: "https://app.example.com" },
      { variant: "arbitrary", origin: "https://amihackable-attacker.com" },
    ]);
  });

  it("app.example.co.uk: look-alikes built on the registrable domain, not on co.uk", () => {
    assert.deepEqual(byVariant("https://app.example.co.uk"), {
      null: ["null"],
      prefix: ["https://app.example.co.uk.amihackable-attacker.com"],
      suffix: ["https://amihackable-probeexample.co.uk"],
      "unescaped-dot": ["https://appxexample.co.uk"],
      subdomain: ["https://amihackable-probe.example.co.uk"],
      "third-party": ["https://amihackable-probe.vercel.app", "https://amihackable-probe.netlify.app"],
      "insecure-scheme": ["http://app.example.co.uk"],
      localhost: ["http://localhost:3000", "http://localhost:5173"],
    });
  });

  it("a bare registrable domain: the dot after www is the one a regex forgets", () => {
    const variants = byVariant("https://example.com");
    assert.deepEqual(variants["unescaped-dot"], ["https://wwwxexample.com"]);
    assert.deepEqual(variants.suffix, ["https://amihackable-probeexample.com"]);
  });

  it("a deep subdomain: the label next to the registrable domain", () => {
    assert.deepEqual(byVariant("https://eu.api.example.com")["unescaped-dot"], ["https://apixexample.com"]);
  });

  it("keeps a non-default port in the insecure-scheme origin only", () => {
    const variants = byVariant("https://app.example.com:8443");
    assert.deepEqual(variants["insecure-scheme"], ["http://app.example.com:8443"]);
    assert.deepEqual(variants.prefix, ["https://app.example.com.amihackable-attacker.com"]);
  });

  it("an IP host: no look-alike domains to register, but prefix, null, platforms and localhost remain", () => {
    assert.deepEqual(byVariant("http://203.0.113.7:8080"), {
      null: ["null"],
      prefix: ["http://203.0.113.7.amihackable-attacker.com"],
      "third-party": ["https://amihackable-probe.vercel.app", "https://amihackable-probe.netlify.app"],
      localhost: ["http://localhost:3000", "http://localhost:5173"],
    });
  });

  it("an IPv6 host: nothing can extend the literal", () => {
    assert.deepEqual(Object.keys(byVariant("http://[2001:db8::1]:8080")), [
      "null",
      "third-party",
      "localhost",
    ]);
  });

  it("localhost: no localhost variant (it is the site itself), no look-alikes", () => {
    assert.deepEqual(byVariant("http://localhost:3000"), {
      null: ["null"],
      prefix: ["http://localhost.amihackable-attacker.com"],
      "third-party": ["https://amihackable-probe.vercel.app", "https://amihackable-probe.netlify.app"],
    });
  });

  it("an http page gets no insecure-scheme variant", () => {
    assert.equal(byVariant("http://app.example.com")["insecure-scheme"], undefined);
  });

  it("recognises loopback names", () => {
    for (const host of ["localhost", "dev.localhost", "127.0.0.1", "127.1.2.3", "[::1]", "::1"])
      assert.ok(isLocal(host), host);
    for (const host of ["example.com", "localhost.example.com", "10.0.0.1"]) assert.ok(!isLocal(host), host);
  });
});

describe("hosting platforms tried as third-party origins", () => {
  it("always tries vercel.app and netlify.app", () => {
    assert.deepEqual(hostingSuffixesFor(undefined), ["vercel.app", "netlify.app"]);
    assert.deepEqual(hostingSuffixesFor([["server", "nginx"]]), ["vercel.app", "netlify.app"]);
  });

  it("adds the platform the page is served from", () => {
    assert.deepEqual(hostingSuffixesFor([["server", "GitHub.com"]]), [
      "vercel.app",
      "netlify.app",
      "github.io",
    ]);
    assert.deepEqual(hostingSuffixesFor([["x-render-origin-server", "Render"]]), [
      "vercel.app",
      "netlify.app",
      "onrender.com",
    ]);
    assert.deepEqual(hostingSuffixesFor([["x-vercel-id", "fra1::abc"]]), ["vercel.app", "netlify.app"]);
  });
});
