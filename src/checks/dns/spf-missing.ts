import type { Check } from "../../core/index.ts";
import { DnsRecords, isDefinite } from "../../artifacts/index.ts";
import { CISA_EMAIL, RFC_7208, dnsEvidence, dnsFixes, dnsUri } from "./shared.ts";

/**
 * Judged only for a domain that receives mail (it has a real MX): that is a domain whose name people
 * trust in a From line. A domain with no MX and no SPF may send no mail at all, and saying it "lacks
 * SPF" would be a guess. Both answers must be definite: a timeout says nothing.
 */
export const spfMissing: Check = {
  meta: {
    id: "dns.spf-missing",
    title: "The domain receives mail but publishes no SPF record",
    cvss: "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:N/I:L/A:N",
    cwe: "CWE-290",
    references: [RFC_7208, CISA_EMAIL],
    explanation:
      "SPF is a TXT record that lists the servers allowed to send mail for your domain. Without it, a receiving mail server cannot tell your mail from mail " +
      "anyone else sends with your address in the From line, so phishing that looks like it comes from you (password resets, invoices) is more likely to reach inboxes. " +
      "Your domain has mail servers (MX records), so people expect mail from it.",
    fixes: dnsFixes(
      "publish one TXT record at the domain itself listing who sends your mail, ending in `-all` (everyone else fails). Your mail provider documents its `include:`.",
      ['example.com.  3600  IN  TXT  "v=spf1 include:_spf.google.com -all"'],
    ),
    learn: "dns-and-mail#spf-missing",
    needs: [{ kind: DnsRecords, request: "mail" }],
  },
  analyse(artifacts) {
    const mail = artifacts.read(DnsRecords).mail;
    if (!mail || !isDefinite(mail.txt) || !isDefinite(mail.mx)) return [];
    if (mail.mailExchangers.length === 0 || mail.spf.length > 0) return [];
    return [
      {
        url: dnsUri(mail.domain, "TXT"),
        summary: `${mail.domain} has mail servers (${mail.mailExchangers.slice(0, 3).join(", ")}) but no SPF record.`,
        evidence: [
          dnsEvidence(mail.mx, "The domain receives mail"),
          dnsEvidence(mail.txt, "No TXT record at the domain starts with v=spf1"),
        ],
        details: { domain: mail.domain },
      },
    ];
  },
};
