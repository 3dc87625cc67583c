import assert from "node:assert/strict";
import { recorded } from "../../../test/tester/recording.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { dnsServerForFile, plainPage, throughDns } from "../../../test/support/dns-site.ts";

const dns = await dnsServerForFile({
  records: [
    { name: "app.no-caa.test", type: "A", data: "127.0.0.1" },
    { name: "no-caa.test", type: "A", data: "127.0.0.1" },
    { name: "app.apex-caa.test", type: "A", data: "127.0.0.1" },
    { name: "apex-caa.test", type: "CAA", data: { flags: 0, tag: "issue", value: "letsencrypt.org" } },
    { name: "app.host-caa.test", type: "CAA", data: { flags: 0, tag: "issuewild", value: ";" } },
  ],
});

testCheck("dns.caa-missing", {
  vulnerable: [
    {
      name: "live: no CAA at the host or the domain",
      site: plainPage,
      scan: throughDns(dns, "app.no-caa.test"),
      expect: (finding) => {
        assert.equal(finding?.severity, "info");
        assert.equal(finding?.evidence.length, 2, "both names on the way up are shown");
      },
    },
    {
      name: "recorded: NXDOMAIN at the host, nothing at the domain",
      site: recorded()
        .page()
        .dns("caa", "app.fixture.test", "CAA", "no-such-name")
        .dns("caa", "fixture.test", "CAA", "no-data"),
    },
  ],
  safe: [
    {
      name: "live: CAA at the registrable domain",
      site: plainPage,
      scan: throughDns(dns, "app.apex-caa.test"),
    },
    { name: "live: CAA at the host itself", site: plainPage, scan: throughDns(dns, "app.host-caa.test") },
    {
      name: "recorded: the domain's lookup timed out",
      site: recorded()
        .page()
        .dns("caa", "app.fixture.test", "CAA", "no-data")
        .dns("caa", "fixture.test", "CAA", "failed"),
    },
  ],
});
