import assert from "node:assert/strict";
import { recorded } from "../../../test/tester/recording.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { dnsServerForFile, mailZone, plainPage, throughDns } from "../../../test/support/dns-site.ts";
import type { ZoneRecord } from "../../../test/support/dns-server.ts";

/** includes.test's SPF pulls in a chain of includes costing 12 lookups in all (RFC 7208 4.6.4 allows 10). */
const chain: ZoneRecord[] = [
  {
    name: "includes.test",
    type: "TXT",
    data: ["v=spf1 include:a.includes.test include:b.includes.test mx -all"],
  },
  { name: "a.includes.test", type: "TXT", data: ["v=spf1 include:c.includes.test a mx ptr -all"] },
  { name: "b.includes.test", type: "TXT", data: ["v=spf1 exists:%{i}.x.includes.test a mx -all"] },
  { name: "c.includes.test", type: "TXT", data: ["v=spf1 a mx ip4:192.0.2.0/24 -all"] },
];
/** within.test: the same shape under the limit (8 lookups). */
const within: ZoneRecord[] = [
  { name: "within.test", type: "TXT", data: ["v=spf1 include:a.within.test mx -all"] },
  { name: "a.within.test", type: "TXT", data: ["v=spf1 include:b.within.test a mx -all"] },
  { name: "b.within.test", type: "TXT", data: ["v=spf1 a mx ~all"] },
];

const dns = await dnsServerForFile({
  records: [
    ...mailZone("pass-all.test", { spf: "v=spf1 mx +all" }),
    ...mailZone("neutral.test", { spf: "v=spf1 include:_spf.mail.test ?all" }),
    ...mailZone("no-all.test", { spf: "v=spf1 mx" }),
    ...mailZone("includes.test", {}),
    ...chain,
    ...mailZone("strict.test", { spf: "v=spf1 mx -all" }),
    ...mailZone("soft.test", { spf: "v=spf1 mx ~all" }),
    ...mailZone("redirected.test", { spf: "v=spf1 redirect=_spf.redirected.test" }),
    { name: "_spf.redirected.test", type: "TXT", data: ["v=spf1 ip4:192.0.2.1 -all"] },
    ...mailZone("within.test", {}),
    ...within,
  ],
});

testCheck("dns.spf-permissive", {
  vulnerable: [
    {
      name: "live: +all",
      site: plainPage,
      scan: throughDns(dns, "app.pass-all.test"),
      expect: (finding) => assert.equal(finding?.severity, "medium"),
    },
    { name: "live: ?all", site: plainPage, scan: throughDns(dns, "app.neutral.test") },
    { name: "live: no all mechanism", site: plainPage, scan: throughDns(dns, "app.no-all.test") },
    {
      name: "live: 12 lookups through nested includes",
      site: plainPage,
      scan: throughDns(dns, "app.includes.test"),
      expect: (finding) => assert.equal(finding?.details?.lookups, "12"),
    },
    {
      name: "recorded: +all with uppercase and extra spaces",
      site: recorded().page().dns("domain-txt", "fixture.test", "TXT", ["V=SPF1  ip4:192.0.2.1   +ALL"]),
    },
  ],
  safe: [
    { name: "live: -all", site: plainPage, scan: throughDns(dns, "app.strict.test") },
    { name: "live: ~all", site: plainPage, scan: throughDns(dns, "app.soft.test") },
    { name: "live: redirect= instead of all", site: plainPage, scan: throughDns(dns, "app.redirected.test") },
    { name: "live: 8 lookups through includes", site: plainPage, scan: throughDns(dns, "app.within.test") },
    {
      name: "recorded: no SPF record at all (that is spf-missing's to say)",
      site: recorded().page().dns("domain-txt", "fixture.test", "TXT", ["MS=ms123"]),
    },
  ],
});
