import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { HtmlDocument } from "./documents.ts";
import {
  baseUriMissing,
  cspStatus,
  enforcedPolicies,
  inlineWeaknesses,
  scriptWeakness,
  wildcardWeaknesses,
  type DocumentCsp,
} from "./csp.ts";

/** A DocumentCsp from raw policies, for the combining rules (the document itself is not read). */
function doc(headers: string[], metas: string[] = []): DocumentCsp {
  return {
    document: {} as HtmlDocument,
    enforced: enforcedPolicies(
      headers.map((value) => ["content-security-policy", value] as const),
      metas,
    ),
    reportOnly: [],
  };
}

const NONE = new Set<string>();

describe("CSP as browsers apply it", () => {
  it("splits a header on commas into several policies, but not a <meta>", () => {
    assert.equal(doc(["script-src 'self', object-src 'none'"]).enforced.length, 2);
    assert.equal(doc([], ["script-src 'self'"]).enforced.length, 1);
  });

  it("drops frame-ancestors, report-uri and sandbox from a <meta> policy", () => {
    const [policy] = doc([], ["default-src 'self'; frame-ancestors 'none'; report-uri /r; sandbox"]).enforced;
    assert.deepEqual(Object.keys(policy!.csp.directives), ["default-src"]);
    assert.deepEqual(policy!.ignored, ["frame-ancestors", "report-uri", "sandbox"]);
  });

  it("counts a policy without script-src or default-src as no script restriction", () => {
    assert.equal(cspStatus(doc(["frame-ancestors 'none'"])), "no-script-restriction");
    assert.equal(cspStatus(doc([])), "none");
    assert.equal(cspStatus(doc(["frame-ancestors 'none'", "script-src 'self'"])), "present");
  });

  it("ignores 'unsafe-inline' beside a nonce, and hosts beside 'strict-dynamic'", () => {
    const [policy] = doc([
      "script-src 'nonce-abcdefgh12345678' 'strict-dynamic' https: 'unsafe-inline'",
    ]).enforced;
    assert.deepEqual(inlineWeaknesses(policy!, NONE), []);
    assert.deepEqual(wildcardWeaknesses(policy!), []);
  });

  it("reports a nonce seen twice as a weakness", () => {
    const [policy] = doc(["script-src 'nonce-abcdefgh12345678'"]).enforced;
    assert.equal(inlineWeaknesses(policy!, new Set(["abcdefgh12345678"])).length, 1);
  });

  it("finds a weakness only when every script-restricting policy has it", () => {
    const find = (policy: Parameters<typeof inlineWeaknesses>[0]) => inlineWeaknesses(policy, NONE);
    assert.ok(scriptWeakness(doc(["script-src 'unsafe-inline'"]), find));
    assert.equal(scriptWeakness(doc(["script-src 'unsafe-inline'", "script-src 'self'"]), find), undefined);
    assert.equal(scriptWeakness(doc(["script-src 'unsafe-inline'"], ["script-src 'self'"]), find), undefined);
    // A policy that blocks no script cannot save the others.
    assert.ok(scriptWeakness(doc(["script-src 'unsafe-inline'", "img-src 'self'"]), find));
  });

  it("names JSONP hosts from csp_evaluator's bypass list", () => {
    const [policy] = doc(["script-src 'self' https://www.google.com"]).enforced;
    const [weakness] = wildcardWeaknesses(policy!);
    assert.equal(weakness?.value, "https://www.google.com");
    assert.match(weakness?.reason ?? "", /known to host JSONP/);
  });

  it("needs base-uri only for nonce- or hash+strict-dynamic policies", () => {
    assert.equal(baseUriMissing(doc(["script-src 'nonce-abcdefgh12345678'"])), true);
    assert.equal(baseUriMissing(doc(["script-src 'nonce-abcdefgh12345678'; base-uri 'none'"])), false);
    assert.equal(baseUriMissing(doc(["script-src 'self'"])), false);
  });
});
