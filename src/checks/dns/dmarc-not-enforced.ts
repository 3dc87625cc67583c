import type { Check } from "../../core/index.ts";
import { DnsRecords, isDefinite } from "../../artifacts/index.ts";
import { CISA_EMAIL, RFC_7489, dnsEvidence, dnsFixes, dnsUri } from "./shared.ts";

/** Why a DMARC record lets spoofed mail through, or null when it quarantines or rejects all of it. */
function leniency(tags: ReadonlyMap<string, string>): string | null {
  const policy = (tags.get("p") ?? "").toLowerCase();
  if (policy !== "quarantine" && policy !== "reject")
    return policy === "none"
      ? "p=none only asks for reports"
      : `p=${policy || "(missing)"} is not a policy receivers enforce`;
  const pct = tags.get("pct");
  // pct applies the policy to that share of failing mail; the rest gets the next weaker treatment (RFC 7489 6.6.4).
  if (pct !== undefined && /^\d+$/.test(pct) && Number(pct) < 100)
    return `pct=${pct} applies p=${policy} to only ${pct}% of failing mail`;
  return null;
}

export const dmarcNotEnforced: Check = {
  meta: {
    id: "dns.dmarc-not-enforced",
    title: "The domain's DMARC policy does not stop spoofed mail",
    cvss: "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:N/I:L/A:N",
    cwe: "CWE-290",
    references: [RFC_7489, CISA_EMAIL],
    explanation:
      "A DMARC record with `p=none` is monitoring only: receivers send you reports about mail that fails, and still deliver it. That is the right first step, " +
      "but left there for good it means mail forged in your name reaches inboxes. `pct` below 100 enforces the policy on only part of the failing mail.",
    fixes: dnsFixes(
      "once the DMARC reports show only your own senders, raise the policy to `p=quarantine`, then `p=reject`, with no `pct` (or `pct=100`).",
      ['_dmarc.example.com.  3600  IN  TXT  "v=DMARC1; p=reject; rua=mailto:dmarc@example.com"'],
    ),
    learn: "dns-and-mail#dmarc-not-enforced",
    needs: [{ kind: DnsRecords, request: "mail" }],
  },
  analyse(artifacts) {
    const mail = artifacts.read(DnsRecords).mail;
    // More than one record is an error and receivers use none (RFC 7489 6.6.3); judge the one-record case.
    if (!mail || !isDefinite(mail.dmarc) || mail.dmarcRecords.length !== 1) return [];
    const { text, tags } = mail.dmarcRecords[0]!;
    const problem = leniency(tags);
    if (!problem) return [];
    return [
      {
        url: dnsUri(`_dmarc.${mail.domain}`, "TXT"),
        summary: `The DMARC policy of ${mail.domain} lets spoofed mail through: ${problem}.`,
        evidence: [dnsEvidence(mail.dmarc, `DMARC record: ${text.slice(0, 300)}`)],
        details: { domain: mail.domain, record: text.slice(0, 500) },
      },
    ];
  },
};
