/**
 * Ids of the public contract (docs/finding-ids.md) that no check reports yet, each with the issue that
 * builds it. The registry test holds the contract to exactly the registered checks plus this list, so a
 * new check must leave the list and a new contract id must join it: the gap is visible, never silent.
 * Learn entries are required for registered ids only (an article must not explain a finding never shown).
 */
export const PLANNED_IDS: Readonly<Record<string, string>> = {
  // "What else an attacker sees" (exposed tools and files, secret providers, weak TLS, cache and cookie scope).
  "headers.sri-missing": "issue 12",
  "headers.cacheable-session": "issue 12",
  "cookie.broad-domain": "issue 12",
  "tls.mixed-content-passive": "issue 12",
  "tls.weak-cipher": "issue 12",
  "tls.certificate-weak": "issue 12",
  "exposure.log-file": "issue 12",
  "exposure.config-file": "issue 12",
  "exposure.database-file": "issue 12",
  "exposure.admin-panel": "issue 12",
  "exposure.unauthenticated-console": "issue 12",
  "exposure.dev-server": "issue 12",
  "exposure.graphql-introspection": "issue 12",
  "exposure.mcp-server": "issue 12",
  "exposure.cloud-bucket-listable": "issue 12",
  "supabase.schema-exposed": "issue 12",
  "info.internal-address": "issue 12",
  "info.security-txt-missing": "issue 12",
  "info.robots-sensitive-paths": "issue 12",
  // "Truer results, and three new families: DNS and mail, CMS, vulnerable JavaScript libraries".
  "cms.version-disclosed": "issue 11",
  "cms.user-enumeration": "issue 11",
  "cms.xmlrpc-enabled": "issue 11",
  "cms.install-open": "issue 11",
  "library.known-vulnerable": "issue 11",
  "library.end-of-life": "issue 11",
  "dns.spf-missing": "issue 11",
  "dns.spf-permissive": "issue 11",
  "dns.dmarc-missing": "issue 11",
  "dns.dmarc-not-enforced": "issue 11",
  "dns.caa-missing": "issue 11",
  "dns.subdomain-takeover": "issue 11",
  "dns.zone-transfer": "issue 11",
};
