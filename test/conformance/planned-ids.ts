/**
 * Ids of the public contract (docs/finding-ids.md) that no check reports yet, each with the issue that
 * builds it. The registry test holds the contract to exactly the registered checks plus this list, so a
 * new check must leave the list and a new contract id must join it: the gap is visible, never silent.
 * Learn entries are required for registered ids only (an article must not explain a finding never shown).
 */
export const PLANNED_IDS: Readonly<Record<string, string>> = {
  // "What else an attacker sees" (exposed tools and files, secret providers, weak TLS, cache and cookie scope).
  "secret.ai-provider-key": "issue 12",
  "secret.email-provider-key": "issue 12",
  "secret.twilio-api-key": "issue 12",
  "secret.payment-provider-key": "issue 12",
  "secret.gitlab-token": "issue 12",
  "secret.npm-token": "issue 12",
  "secret.telegram-bot-token": "issue 12",
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
