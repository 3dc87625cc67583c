import ipaddr from "ipaddr.js";

/**
 * Recognising internal network addresses in what a site sends. The ranges come from ipaddr.js (which
 * follows the IANA registries), never from a list of our own: private IPv4 (RFC 1918), carrier-grade NAT
 * (RFC 6598), link-local (including cloud metadata at 169.254.169.254), IPv6 unique-local (fc00::/7) and
 * link-local, and IPv4-mapped IPv6 forms of those. Loopback is left out on purpose: `127.0.0.1` in a
 * header says nothing about the network behind the site.
 */
const INTERNAL_RANGES = new Set(["private", "carrierGradeNat", "linkLocal", "uniqueLocal"]);

/** Whether an address literal lies in one of the internal ranges above. */
export function isInternalIp(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed instanceof ipaddr.IPv6 && parsed.isIPv4MappedAddress()) parsed = parsed.toIPv4Address();
  return INTERNAL_RANGES.has(parsed.range());
}

/**
 * Suffixes of names that resolve only inside a network: `.internal` (reserved for private use by ICANN
 * in 2024; AWS `ec2.internal` and `compute.internal`, Google `c.PROJECT.internal`), `.local` (mDNS, and
 * Kubernetes' `svc.cluster.local`), `.localdomain`, `.home.arpa` (RFC 8375), and the conventional `.corp`,
 * `.lan` and `.intranet` that ICANN will not delegate.
 */
const INTERNAL_SUFFIX = "internal|local|localdomain|home\\.arpa|corp|lan|intranet";

/** A host name of at least two labels ending in an internal suffix, not followed by more of a name. */
const INTERNAL_NAME = new RegExp(
  `(?<![\\w.-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:${INTERNAL_SUFFIX}))(?![\\w-]|\\.[a-z0-9])`,
  "gi",
);
/** A dotted quad not inside a longer run of digits and dots (a version such as 1.10.0.0.1). */
const IPV4 =
  /(?<![\w.])((?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d))(?!\w|\.\w)/g;
/** Candidate IPv6 literals in the internal ranges (fc00::/7, fe80::/10); ipaddr.js decides. */
const IPV6 = /(?<![\w:.])((?:f[cd][0-9a-f]{2}|fe[89ab][0-9a-f]):[0-9a-f:]*[0-9a-f])(?![\w:])/gi;

export interface AddressMatch {
  /** The address or name as written (lower-cased names). */
  value: string;
  kind: "ip" | "name";
  /** Offset in the searched text. */
  index: number;
}

/** Every internal IP literal and internal host name in `text`, in order of appearance. */
export function internalAddresses(text: string): AddressMatch[] {
  const found: AddressMatch[] = [];
  for (const pattern of [IPV4, IPV6]) {
    for (const match of text.matchAll(pattern)) {
      if (isInternalIp(match[1]!))
        found.push({ value: match[1]!.toLowerCase(), kind: "ip", index: match.index });
    }
  }
  for (const match of text.matchAll(INTERNAL_NAME)) {
    const name = match[1]!.toLowerCase();
    // localhost.localdomain and friends are the machine itself, like 127.0.0.1.
    if (name.startsWith("localhost.")) continue;
    found.push({ value: name, kind: "name", index: match.index });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** A URL's host or a host:port: the shapes in which an address is unmistakably an address. */
export function inAddressShape(text: string, match: AddressMatch): boolean {
  const before = text.slice(Math.max(0, match.index - 3), match.index);
  const after = text.slice(match.index + match.value.length, match.index + match.value.length + 7);
  return /\/\/$|@$/.test(before) || /^:\d{2,5}(?!\d)/.test(after);
}

/** `Product/10.2.3.4` is a version, not an address, unless a port follows. */
export function looksLikeVersion(text: string, match: AddressMatch): boolean {
  return (
    match.kind === "ip" &&
    /[a-z0-9_]\/$/i.test(text.slice(Math.max(0, match.index - 2), match.index)) &&
    !inAddressShape(text, match)
  );
}
