/**
 * Domains the public DNS does not serve (RFC 6761, RFC 2606, RFC 8375, RFC 9476 and ICANN's .internal):
 * asking the system's resolvers about them is pointless, and in tests it would be a question leaving
 * the machine. With an explicit `--dns-server` they are asked like any name.
 */
const SPECIAL_USE_SUFFIXES = [
  "test",
  "example",
  "invalid",
  "localhost",
  "local",
  "onion",
  "alt",
  "internal",
  "home.arpa",
  "example.com",
  "example.net",
  "example.org",
];

export function isSpecialUseName(name: string): boolean {
  const lowered = name.toLowerCase().replace(/\.$/, "");
  return SPECIAL_USE_SUFFIXES.some((suffix) => lowered === suffix || lowered.endsWith(`.${suffix}`));
}
