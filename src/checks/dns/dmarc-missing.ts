import type { Check } from "../../core/index.ts";
import { DnsRecords, isDefinite } from "../../artifacts/index.ts";
import { CISA_EMAIL, RFC_7489, dnsEvidence, dnsFixes, dnsUri } from "./shared.ts";

/**
 * Judged for a domain that does mail (a real MX, or an SPF record that says who sends for it): DMARC is
 * what tells receivers to act on SPF and DKIM failures for the address people see.
 */
export const dmarcMissing: Check = {
  meta: {
    id: "dns.dmarc-missing",
    title: "The domain has no DMARC record",
    cvss: "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:N/I:L/A:N",
    cwe: "CWE-290",
    references: [RFC_7489, CISA_EMAIL],
    explanation:
      "SPF and DKIM check the servers and signatures behind a message, but not the From address people read. DMARC, a TXT record at `_dmarc.` your domain, " +
      "ties the two together and tells receivers what to do with mail that fails: deliver, quarantine, or reject. Without it, a message with your domain in " +
      "From that fails every check is left to each receiver's guess, and many still deliver it.",
    fixes: dnsFixes(
      "publish a DMARC record at `_dmarc.` your domain. Start with `p=none` and a report address for a few weeks, then move to `p=quarantine` and `p=reject`.",
      ['_dmarc.example.com.  3600  IN  TXT  "v=DMARC1; p=reject; rua=mailto:dmarc@example.com"'],
    ),
    learn: "dns-and-mail#dmarc-missing",
    needs: [{ kind: DnsRecords, request: "mail" }],
  },
  analyse(artifacts) {
    const mail = artifacts.read(DnsRecords).mail;
    if (!mail || !isDefinite(mail.dmarc) || !isDefinite(mail.mx) || !isDefinite(mail.txt)) return [];
    const doesMail = mail.mailExchangers.length > 0 || mail.spf.length > 0;
    if (!doesMail || mail.dmarcRecords.length > 0) return [];
    return [
      {
        url: dnsUri(`_dmarc.${mail.domain}`, "TXT"),
        summary: `${mail.domain} sends or receives mail but publishes no DMARC policy at _dmarc.${mail.domain}.`,
        evidence: [dnsEvidence(mail.dmarc, "No TXT record there starts with v=DMARC1")],
        details: { domain: mail.domain },
      },
    ];
  },
};
