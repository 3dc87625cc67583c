import { CVSS_INFORMATIONAL, type Check } from "../../core/index.ts";
import { DnsRecords, isDefinite } from "../../artifacts/index.ts";
import { RFC_8659, dnsEvidence, dnsFixes, dnsUri } from "./shared.ts";

export const caaMissing: Check = {
  meta: {
    id: "dns.caa-missing",
    title: "No CAA record limits which authorities may issue certificates for the site",
    cvss: CVSS_INFORMATIONAL,
    cwe: "CWE-295",
    references: [
      RFC_8659,
      {
        title: "Let's Encrypt: Certificate Authority Authorization (CAA)",
        url: "https://letsencrypt.org/docs/caa/",
      },
    ],
    explanation:
      "A CAA record names the certificate authorities allowed to issue certificates for your domain; every public authority must check it before issuing. " +
      "Without one, any of them may issue, so a mistake or a fooled validation at an authority you never use can produce a valid certificate for your site. " +
      "It is a cheap extra layer, not a hole by itself.",
    fixes: dnsFixes(
      "add CAA records at the registrable domain naming the authorities you use (check which one issued your current certificate first).",
      [
        'example.com.  3600  IN  CAA  0 issue "letsencrypt.org"',
        'example.com.  3600  IN  CAA  0 iodef "mailto:security@example.com"',
      ],
    ),
    learn: "dns-and-mail#caa-missing",
    needs: [{ kind: DnsRecords, request: "caa" }],
  },
  analyse(artifacts) {
    const records = artifacts.read(DnsRecords);
    const caa = records.caa;
    if (!records.domain || !caa || caa.found) return [];
    // Every name up to the registrable domain must have answered "none": a timeout anywhere says nothing.
    const last = caa.asked.at(-1);
    if (!caa.asked.every(isDefinite) || last?.name !== records.domain) return [];
    return [
      {
        url: dnsUri(records.domain, "CAA"),
        summary: `No CAA record from ${caa.asked[0]!.name} up to ${records.domain}: any certificate authority may issue for it.`,
        evidence: caa.asked.map((record) => dnsEvidence(record, `No CAA record at ${record.name}`)),
        details: { domain: records.domain },
      },
    ];
  },
};
