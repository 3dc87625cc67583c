import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { recorded } from "../../test/tester/recording.ts";
import { DnsRecords } from "./dns-records.ts";
import { isSpfRecord, spfAll, spfReferences, spfTerms } from "./spf.ts";

describe("SPF records", () => {
  it("recognises v=spf1 exactly (RFC 7208 4.5)", () => {
    assert.ok(isSpfRecord("v=spf1 -all"));
    assert.ok(isSpfRecord("V=SPF1"));
    assert.ok(!isSpfRecord("v=spf10 -all"));
    assert.ok(!isSpfRecord("google-site-verification=x"));
  });

  it("reads qualifiers, mechanisms and modifiers", () => {
    assert.deepEqual(spfTerms("v=spf1 ip4:192.0.2.0/24 ~mx/24 redirect=_spf.example.test"), [
      { qualifier: "+", name: "ip4", value: "192.0.2.0/24" },
      { qualifier: "~", name: "mx", value: "24" },
      { qualifier: "", name: "redirect", value: "_spf.example.test" },
    ]);
    assert.equal(spfAll("v=spf1 mx ?all")?.qualifier, "?");
    assert.equal(spfAll("v=spf1 mx"), undefined);
    assert.deepEqual(spfReferences("v=spf1 include:A.test include:%{d}.macro.test redirect=b.test"), [
      "a.test",
      "b.test",
    ]);
  });

  it("counts lookups through includes once each, cycles included", () => {
    const records = DnsRecords.of(
      recorded()
        .page()
        .dns("domain-txt", "fixture.test", "TXT", ["v=spf1 include:a.test include:b.test mx -all"])
        .dns("spf-reference", "a.test", "TXT", ["v=spf1 include:b.test include:fixture.test a -all"])
        .dns("spf-reference", "b.test", "TXT", ["v=spf1 exists:x.test ptr -all"])
        .build(),
    );
    // fixture.test: include, include, mx (3) + a.test: include, include, a (3) + b.test: exists, ptr (2).
    assert.equal(records.mail?.spfLookups, 8);
  });
});
