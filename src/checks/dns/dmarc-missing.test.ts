import { recorded } from "../../../test/tester/recording.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { dnsServerForFile, mailZone, plainPage, throughDns } from "../../../test/support/dns-site.ts";

const dns = await dnsServerForFile({
  records: [
    ...mailZone("no-dmarc.test", { spf: "v=spf1 mx -all" }),
    ...mailZone("sender.test", { mx: false, spf: "v=spf1 include:_spf.mail.test -all" }),
    ...mailZone("with-dmarc.test", { spf: "v=spf1 mx -all", dmarc: "v=DMARC1; p=reject" }),
    ...mailZone("no-mail.test", { mx: false }),
    // Something at _dmarc that is not a DMARC record does not count as one.
    ...mailZone("not-dmarc.test", { dmarc: "p=reject" }),
  ],
});

testCheck("dns.dmarc-missing", {
  vulnerable: [
    { name: "live: MX and SPF, no _dmarc", site: plainPage, scan: throughDns(dns, "app.no-dmarc.test") },
    { name: "live: sends mail (SPF) without MX", site: plainPage, scan: throughDns(dns, "app.sender.test") },
    {
      name: "live: _dmarc holds no v=DMARC1 record",
      site: plainPage,
      scan: throughDns(dns, "app.not-dmarc.test"),
    },
  ],
  safe: [
    { name: "live: DMARC published", site: plainPage, scan: throughDns(dns, "app.with-dmarc.test") },
    { name: "live: a domain that does no mail", site: plainPage, scan: throughDns(dns, "app.no-mail.test") },
    {
      name: "recorded: the _dmarc lookup failed",
      site: recorded()
        .page()
        .dns("domain-txt", "fixture.test", "TXT", ["v=spf1 -all"])
        .dns("mx", "fixture.test", "MX", ["10 mx.fixture.test"])
        .dns("dmarc", "_dmarc.fixture.test", "TXT", "failed"),
    },
  ],
});
