import type { Check, FindingDraft } from "../../core/index.ts";
import { DnsRecords, isDefinite, spfAll } from "../../artifacts/index.ts";
import { CISA_EMAIL, RFC_7208, dnsEvidence, dnsFixes, dnsUri } from "./shared.ts";

/** RFC 7208 4.6.4: evaluating more lookups than this is a permanent error, and the record counts for nothing. */
const MAX_LOOKUPS = 10;

/** `+all` lets every server on the internet pass: as bad as it gets, worse than no record. */
const CVSS_PASS_ALL = "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:L/A:N";

/** Why an SPF record protects nothing, or null when it ends in -all / ~all within the lookup limit. */
function weakness(record: string, lookups: number): { problem: string; passAll: boolean } | null {
  const all = spfAll(record);
  const redirect = /(^|\s)redirect=/i.test(record);
  if (all?.qualifier === "+")
    return { problem: "it ends in +all: every server in the world passes", passAll: true };
  if (all?.qualifier === "?")
    return { problem: "it ends in ?all (neutral): servers not listed are not failed", passAll: false };
  // Without `all`, a redirect= hands the verdict to another record; without either, the default is neutral.
  if (!all && !redirect)
    return { problem: "it has no all mechanism, so servers not listed get a neutral result", passAll: false };
  if (lookups > MAX_LOOKUPS)
    return {
      problem: `it needs at least ${lookups} DNS lookups, over the limit of ${MAX_LOOKUPS}: receivers treat it as an error and ignore it`,
      passAll: false,
    };
  return null;
}

export const spfPermissive: Check = {
  meta: {
    id: "dns.spf-permissive",
    title: "The domain's SPF record lets servers that are not yours pass",
    cvss: "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:N/I:L/A:N",
    cwe: "CWE-290",
    references: [
      RFC_7208,
      {
        title: "RFC 7208 4.6.4: DNS lookup limits",
        url: "https://www.rfc-editor.org/rfc/rfc7208#section-4.6.4",
      },
      CISA_EMAIL,
    ],
    explanation:
      "An SPF record only helps if it ends by failing everyone it does not list (`-all`, or `~all` while you test). `+all` tells receivers that every server on " +
      'the internet may send as you; `?all` or no `all` at all says "no opinion" about strangers. A record that needs more than 10 DNS lookups (each ' +
      "`include:`, `a`, `mx`, `ptr`, `exists` and `redirect=`, counted through the includes) is an error for receivers, who then ignore it.",
    fixes: dnsFixes(
      "end the record in `-all` (or `~all` while you check your senders) and keep it under 10 lookups: drop includes of services you no longer use, or replace an `include:` by the `ip4:`/`ip6:` ranges it lists.",
      ['example.com.  3600  IN  TXT  "v=spf1 include:_spf.google.com ip4:203.0.113.0/24 -all"'],
    ),
    learn: "dns-and-mail#spf-permissive",
    needs: [{ kind: DnsRecords, request: "mail" }],
  },
  analyse(artifacts) {
    const mail = artifacts.read(DnsRecords).mail;
    // Two SPF records are an error of their own (RFC 7208 4.5); judge only the one-record case.
    if (!mail || !isDefinite(mail.txt) || mail.spf.length !== 1) return [];
    const record = mail.spf[0]!;
    const weak = weakness(record, mail.spfLookups);
    if (!weak) return [];
    const draft: FindingDraft = {
      url: dnsUri(mail.domain, "TXT"),
      summary: `The SPF record of ${mail.domain} does not stop spoofed mail: ${weak.problem}.`,
      evidence: [dnsEvidence(mail.txt, `SPF record: ${record.slice(0, 300)}`)],
      details: { domain: mail.domain, record: record.slice(0, 500), lookups: String(mail.spfLookups) },
    };
    if (weak.passAll) draft.cvss = CVSS_PASS_ALL;
    return [draft];
  },
};
