import ipaddr from "ipaddr.js";

/**
 * Which resolved addresses the scanner may connect to in server mode. Only globally routable unicast
 * addresses pass: loopback, private, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT,
 * unique-local, IPv4-mapped IPv6, multicast, unspecified, documentation and reserved ranges are refused.
 * ipaddr.js classifies ranges from the IANA registries, so the list is not ours to keep current.
 */
export function isPublicUnicast(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return rangeOf(ipaddr.parse(address)) === "unicast";
}

/** Global unicast IPv6 (RFC 4291 2.4): everything public lives here; the rest of the space is not routed. */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR("2000::/3");

/**
 * ipaddr.js's range, except that IPv6 outside 2000::/3 is never "unicast": ipaddr.js calls ::7f00:1 and
 * ::a9fe:a9fe (deprecated IPv4-compatible forms of 127.0.0.1 and 169.254.169.254) and 4000::/3 unicast,
 * and some network stacks still deliver the IPv4-compatible forms to the embedded IPv4 address.
 */
function rangeOf(parsed: ipaddr.IPv4 | ipaddr.IPv6): string {
  const range = parsed.range();
  if (range === "unicast" && parsed instanceof ipaddr.IPv6 && !parsed.match(GLOBAL_UNICAST_V6))
    return "reserved";
  return range;
}

export interface AddressGuard {
  /** Returns a reason to refuse, or null to allow. */
  check(address: string, host: string): string | null;
}

/** Refuses every non-public address unless the operator allowlisted it (e.g. a test fixture's loopback). */
export function publicOnlyGuard(allow: readonly string[] = []): AddressGuard {
  const allowed = allow.map((entry) => ipaddr.parseCIDR(entry.includes("/") ? entry : hostCidr(entry)));
  return {
    check(address, host) {
      if (!ipaddr.isValid(address)) return `${host} resolved to an unparseable address`;
      const parsed = ipaddr.parse(address);
      for (const [range, bits] of allowed) {
        if (range.kind() === parsed.kind() && parsed.match(range, bits)) return null;
      }
      const range = rangeOf(parsed);
      if (range === "unicast") return null;
      return `${host} resolves to ${address}, a ${range} address, which a public scanner must not reach`;
    },
  };
}

function hostCidr(address: string): string {
  return ipaddr.parse(address).kind() === "ipv6" ? `${address}/128` : `${address}/32`;
}

const RANGE_WORDS: Record<string, string> = {
  unspecified: "unspecified",
  broadcast: "broadcast",
  multicast: "multicast",
  linkLocal: "link-local",
  loopback: "loopback",
  carrierGradeNat: "carrier-grade NAT",
  private: "private",
  reserved: "reserved",
  benchmarking: "benchmarking",
  amt: "AMT relay",
  as112: "AS112",
  deprecated: "deprecated",
  orchid2: "ORCHID",
  droneRemoteIdProtocolEntityTags: "reserved",
  uniqueLocal: "unique-local (private IPv6)",
  ipv4Mapped: "IPv4-mapped",
  rfc6145: "IPv4-translated",
  rfc6052: "NAT64",
  "6to4": "6to4",
  teredo: "Teredo",
  discard: "discard-only",
  documentation: "documentation",
};

/** Why an address literal may not be scanned, in words ("a private address"), or null when it is public. */
export function literalRefusal(address: string): string | null {
  if (!ipaddr.isValid(address)) return "not an address";
  const range = rangeOf(ipaddr.parse(address));
  if (range === "unicast") return null;
  const words = RANGE_WORDS[range] ?? range;
  const article = /^[aeiouAEIOU]|^NAT/.test(words) ? "an" : "a";
  return `${address} is ${article} ${words} address, which a public scanner must not reach`;
}
