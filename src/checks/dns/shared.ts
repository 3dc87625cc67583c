import type { DnsQueryRecord, Evidence, Reference, Stack } from "../../core/index.ts";

export const RFC_7208: Reference = {
  title: "RFC 7208: Sender Policy Framework (SPF)",
  url: "https://www.rfc-editor.org/rfc/rfc7208",
};
export const RFC_7489: Reference = {
  title: "RFC 7489: Domain-based Message Authentication, Reporting, and Conformance (DMARC)",
  url: "https://www.rfc-editor.org/rfc/rfc7489",
};
export const RFC_8659: Reference = {
  title: "RFC 8659: DNS Certification Authority Authorization (CAA)",
  url: "https://www.rfc-editor.org/rfc/rfc8659",
};
export const CISA_EMAIL: Reference = {
  title: "M3AAWG / CISA: email authentication (SPF, DKIM, DMARC) guidance",
  url: "https://www.cisa.gov/sites/default/files/publications/email-authentication-guidance.pdf",
};
export const CAN_I_TAKE_OVER_XYZ: Reference = {
  title: "can-i-take-over-xyz: which services allow subdomain takeovers (CC BY 4.0)",
  url: "https://github.com/EdOverflow/can-i-take-over-xyz",
};

/** A DNS name as a URI (RFC 4501), so a finding names the record it is about: dns:example.com?type=TXT */
export function dnsUri(name: string, type: string): string {
  return `dns:${name}?type=${type}`;
}

/** Evidence from one recorded question: what was asked, what came back, and the `dig` that asks it again. */
export function dnsEvidence(record: DnsQueryRecord, note: string): Evidence {
  const answered =
    record.outcome === "answered"
      ? record.answers
          .slice(0, 5)
          .map((answer) => answer.slice(0, 300))
          .join(" | ")
      : record.outcome.replace(/-/g, " ");
  return {
    note: `${note} (dig ${record.type} ${record.name}${record.server ? ` @${record.server}` : ""}: ${answered})`,
  };
}

/**
 * The fix of a DNS finding is a record at the DNS provider, whatever the web stack: every stack's entry
 * says so and gives the record, in the forms people meet it (a zone file, Cloudflare, Route 53).
 */
export function dnsFixes(what: string, zoneLines: readonly string[]): Partial<Record<Stack, string>> {
  const zone = ["```dns", ...zoneLines, "```"].join("\n");
  const inDns = `This is fixed in DNS, not in the application: ${what}\n\nIn a zone file (BIND, or any provider's import):\n${zone}\n\nRoute 53: Hosted zones → the domain → Create record, with the same name, type and value. See learn/dns-and-mail for Cloudflare and more.`;
  return {
    express: inDns,
    nextjs: `${inDns}\n\nOn Vercel DNS: Domains → the domain → DNS Records → Add, with the same name, type and value.`,
    fastapi: inDns,
    nginx: inDns,
    cloudflare: `${what}\n\nCloudflare dashboard: the domain → DNS → Records → Add record, with the name, type and value below (a TXT or CAA record; the proxy setting does not apply):\n${zone}`,
  };
}
