import { recorded } from "../../../test/tester/recording.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { dnsServerForFile, mailZone, plainPage, throughDns } from "../../../test/support/dns-site.ts";

const dns = await dnsServerForFile({
  records: [
    ...mailZone("no-spf.test", {}),
    ...mailZone("with-spf.test", { spf: "v=spf1 mx -all" }),
    // A domain without mail servers: no claim that it sends mail, so no claim that it lacks SPF.
    ...mailZone("no-mail.test", { mx: false }),
    // TXT records that only look like SPF (a verification token, a "v=spf10" typo) are not SPF.
    { name: "app.lookalike.test", type: "A", data: "127.0.0.1" },
    { name: "lookalike.test", type: "MX", data: { preference: 10, exchange: "mx.lookalike.test" } },
    { name: "lookalike.test", type: "TXT", data: ["google-site-verification=abc"] },
  ],
});

testCheck("dns.spf-missing", {
  vulnerable: [
    { name: "live: MX records, no TXT at all", site: plainPage, scan: throughDns(dns, "app.no-spf.test") },
    {
      name: "live: only a verification token in TXT",
      site: plainPage,
      scan: throughDns(dns, "app.lookalike.test"),
    },
    {
      name: "recorded: MX, TXT without v=spf1",
      site: recorded()
        .page()
        .dns("domain-txt", "fixture.test", "TXT", ["v=spf10 -all", "MS=ms123"])
        .dns("mx", "fixture.test", "MX", ["10 mx.fixture.test"]),
    },
  ],
  safe: [
    { name: "live: SPF published", site: plainPage, scan: throughDns(dns, "app.with-spf.test") },
    { name: "live: no mail servers", site: plainPage, scan: throughDns(dns, "app.no-mail.test") },
    {
      name: "recorded: the TXT lookup timed out (nothing can be said)",
      site: recorded()
        .page()
        .dns("domain-txt", "fixture.test", "TXT", "failed")
        .dns("mx", "fixture.test", "MX", ["10 mx.fixture.test"]),
    },
    {
      name: "recorded: a null MX (RFC 7505: takes no mail)",
      site: recorded()
        .page()
        .dns("domain-txt", "fixture.test", "TXT", "no-data")
        .dns("mx", "fixture.test", "MX", ["0 ."]),
    },
    { name: "recorded: a loopback target asks nothing", site: recorded("http://127.0.0.1:8080/").page() },
  ],
});
