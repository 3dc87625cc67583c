import { recorded } from "../../../test/tester/recording.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { dnsServerForFile, mailZone, plainPage, throughDns } from "../../../test/support/dns-site.ts";

const dns = await dnsServerForFile({
  records: [
    ...mailZone("monitor.test", {
      spf: "v=spf1 mx -all",
      dmarc: "v=DMARC1; p=none; rua=mailto:d@monitor.test",
    }),
    ...mailZone("partial.test", { spf: "v=spf1 mx -all", dmarc: "v=DMARC1; p=reject; pct=25" }),
    ...mailZone("reject.test", {
      spf: "v=spf1 mx -all",
      dmarc: "v=DMARC1; p=reject; rua=mailto:d@reject.test",
    }),
    ...mailZone("quarantine.test", { spf: "v=spf1 mx -all", dmarc: "v=DMARC1;p=quarantine;pct=100" }),
  ],
});

const dmarc = (text: string) => recorded().page().dns("dmarc", "_dmarc.fixture.test", "TXT", [text]);

testCheck("dns.dmarc-not-enforced", {
  vulnerable: [
    { name: "live: p=none", site: plainPage, scan: throughDns(dns, "app.monitor.test") },
    { name: "live: p=reject on 25% only", site: plainPage, scan: throughDns(dns, "app.partial.test") },
    { name: "recorded: no p tag", site: dmarc("v=DMARC1; rua=mailto:x@fixture.test") },
    { name: "recorded: P=NONE in capitals", site: dmarc("V=DMARC1; P=NONE") },
  ],
  safe: [
    { name: "live: p=reject", site: plainPage, scan: throughDns(dns, "app.reject.test") },
    { name: "live: p=quarantine, pct=100", site: plainPage, scan: throughDns(dns, "app.quarantine.test") },
    { name: "recorded: no DMARC record (that is dmarc-missing's to say)", site: dmarc("not a policy") },
  ],
});
