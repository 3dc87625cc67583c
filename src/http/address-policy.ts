import ipaddr from "ipaddr.js";

/**
 * Which resolved addresses the scanner may connect to in server mode. Only globally routable unicast
 * addresses pass: loopback, private, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT,
 * unique-local, IPv4-mapped IPv6, multicast, unspecified, documentation and reserved ranges are refused.
 * ipaddr.js classifies ranges from the IANA registries, so the list is not ours to keep current.
 */
export function isPublicUnicast(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.parse(address);
  return parsed.range() === "unicast";
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
      const range = parsed.range();
      if (range === "unicast") return null;
      return `${host} resolves to ${address}, a ${range} address, which a public scanner must not reach`;
    },
  };
}

function hostCidr(address: string): string {
  return ipaddr.parse(address).kind() === "ipv6" ? `${address}/128` : `${address}/32`;
}
