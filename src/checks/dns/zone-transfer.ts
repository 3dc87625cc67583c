import type { Check } from "../../core/index.ts";
import { DnsRecords } from "../../artifacts/index.ts";
import { dnsEvidence, dnsFixes, dnsUri } from "./shared.ts";

export const zoneTransfer: Check = {
  meta: {
    id: "dns.zone-transfer",
    title: "A name server hands the whole zone to anyone (AXFR)",
    cvss: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N",
    cwe: "CWE-200",
    references: [
      { title: "RFC 5936: DNS Zone Transfer Protocol (AXFR)", url: "https://www.rfc-editor.org/rfc/rfc5936" },
      {
        title: "OWASP WSTG: Enumerate applications on the web server (zone transfers)",
        url: "https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/01-Information_Gathering/04-Enumerate_Applications_on_Webserver",
      },
    ],
    explanation:
      "A zone transfer copies every record of a domain from one name server to another, and is meant for your own secondary servers. This name server gives it " +
      "to anyone who asks, so an attacker gets the list of every host you have (staging, admin panels, internal names, forgotten services) in one question.",
    fixes: dnsFixes(
      "allow zone transfers only to your secondary name servers (by address, better with a TSIG key), or turn them off. Hosted DNS (Cloudflare, Route 53) does not offer AXFR to the public; this is a self-run server.",
      [
        "// named.conf (BIND): in options { } or the zone { }",
        'allow-transfer { none; };  // or { 192.0.2.53; key "secondary"; };',
      ],
    ),
    learn: "dns-and-mail#zone-transfer",
    needs: [{ kind: DnsRecords, request: "zone-transfer" }],
  },
  analyse(artifacts) {
    const answered = artifacts
      .read(DnsRecords)
      .transfers.filter(
        (transfer) => transfer.record.outcome === "answered" && (transfer.record.transferred ?? 0) > 0,
      );
    return answered.map((transfer) => ({
      url: dnsUri(transfer.zone, "AXFR"),
      groupKey: transfer.zone,
      summary: `${transfer.server} handed over the zone ${transfer.zone} (${transfer.record.transferred} records, e.g. ${transfer.record.answers.slice(0, 3).join(", ")}).`,
      evidence: [
        dnsEvidence(
          transfer.record,
          `${transfer.server} answered the zone transfer with ${transfer.record.transferred} records`,
        ),
      ],
      details: {
        zone: transfer.zone,
        server: transfer.server,
        records: String(transfer.record.transferred ?? 0),
      },
    }));
  },
};
