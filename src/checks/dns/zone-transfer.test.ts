import assert from "node:assert/strict";
import { recorded } from "../../../test/tester/recording.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { dnsServerForFile, plainPage, throughDns } from "../../../test/support/dns-site.ts";
import type { ZoneRecord } from "../../../test/support/dns-server.ts";

const zone = (domain: string): ZoneRecord[] => [
  { name: `app.${domain}`, type: "A", data: "127.0.0.1" },
  { name: `admin.${domain}`, type: "A", data: "10.0.0.5" },
  { name: `staging.${domain}`, type: "A", data: "10.0.0.6" },
  { name: domain, type: "NS", data: `ns1.${domain}` },
  { name: domain, type: "NS", data: `ns2.${domain}` },
  { name: `ns1.${domain}`, type: "A", data: "127.0.0.1" },
  { name: `ns2.${domain}`, type: "A", data: "127.0.0.1" },
];

const dns = await dnsServerForFile({
  records: [...zone("open-zone.test"), ...zone("closed-zone.test")],
  openTransfers: ["open-zone.test"],
});

testCheck("dns.zone-transfer", {
  vulnerable: [
    {
      name: "live: the name servers answer AXFR to anyone",
      site: plainPage,
      scan: throughDns(dns, "app.open-zone.test", ["ns1.open-zone.test", "ns2.open-zone.test"]),
      expect: (finding) => {
        assert.equal(finding?.details?.zone, "open-zone.test");
        assert.match(
          finding?.summary ?? "",
          /admin\.open-zone\.test|staging\.open-zone\.test|app\.open-zone\.test/,
        );
        assert.equal(dns.questions.filter((q) => q === "AXFR open-zone.test").length >= 2, true);
      },
    },
    {
      name: "recorded: one of two name servers hands the zone over",
      site: recorded()
        .page()
        .dns("ns", "fixture.test", "NS", ["ns1.fixture.test", "ns2.fixture.test"])
        .dns("zone-transfer", "fixture.test", "AXFR", "refused", {
          server: "ns1.fixture.test",
          transferred: 0,
        })
        .dns("zone-transfer", "fixture.test", "AXFR", ["fixture.test", "vpn.fixture.test"], {
          server: "ns2.fixture.test",
          transferred: 42,
        }),
    },
  ],
  safe: [
    {
      name: "live: the name servers refuse AXFR",
      site: plainPage,
      scan: throughDns(dns, "app.closed-zone.test", ["ns1.closed-zone.test", "ns2.closed-zone.test"]),
    },
    {
      name: "recorded: the transfer could not be tried (connection failed)",
      site: recorded().page().dns("zone-transfer", "fixture.test", "AXFR", "failed", {
        server: "ns1.fixture.test",
        transferred: 0,
      }),
    },
  ],
});
