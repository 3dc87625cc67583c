import { readFileSync } from "node:fs";
import { packageFile } from "../package-root.ts";

/** One entry of can-i-take-over-xyz's fingerprints.json (the fields we read). */
interface FingerprintEntry {
  service: string;
  cname: string[];
  fingerprint: string;
  nxdomain: boolean;
  vulnerable: boolean;
  discussion?: string;
  documentation?: string;
}

/** How an unclaimed resource of a service shows: its CNAME target does not exist, or its page says so. */
export type UnclaimedSign = { kind: "nxdomain" } | { kind: "body"; fingerprint: string; pattern: RegExp };

/** A hosting service whose unclaimed names anyone can register (community-confirmed). */
export interface TakeoverService {
  name: string;
  /** CNAME targets under these names point at the service. */
  cnameSuffixes: string[];
  sign: UnclaimedSign;
}

/** The shipped copy (CC BY 4.0, provenance and licence beside it). */
const DATA_FILE = packageFile("third-party/can-i-take-over-xyz/fingerprints.json");

/** A suffix must be a host name: some entries list an IP address, which a CNAME cannot point at. */
const HOST_NAME = /^(?=.*[a-z])[a-z0-9-]+(\.[a-z0-9-]+)+$/;

/**
 * The services amihackable judges takeovers for: marked vulnerable, naming CNAME suffixes, and with a
 * sign that can be observed. A fingerprint that is an HTTP status alone (`HTTP_STATUS=500`) or empty is
 * not specific enough and is left out; a false accusation of a takeover costs more than a miss.
 */
export function takeoverServicesFrom(entries: readonly FingerprintEntry[]): TakeoverService[] {
  const services: TakeoverService[] = [];
  for (const entry of entries) {
    if (!entry.vulnerable) continue;
    const cnameSuffixes = [...new Set(entry.cname.map((name) => name.trim().toLowerCase()))].filter((name) =>
      HOST_NAME.test(name),
    );
    if (cnameSuffixes.length === 0) continue;
    const sign = signOf(entry);
    if (sign) services.push({ name: entry.service, cnameSuffixes, sign });
  }
  return services;
}

function signOf(entry: FingerprintEntry): UnclaimedSign | null {
  if (entry.nxdomain || entry.fingerprint === "NXDOMAIN") return { kind: "nxdomain" };
  const text = entry.fingerprint.trim();
  if (!text || text.startsWith("HTTP_STATUS=")) return null;
  // The list is kept in Markdown: "|" inside a table cell is written as &#124;, and a few fingerprints are
  // regular expressions (".*", "\."); the rest are plain text, matched literally.
  const source = text.replace(/&#124;/g, "|");
  const isPattern = /\.\*|\\\.|\|/.test(source);
  return {
    kind: "body",
    fingerprint: source,
    pattern: new RegExp(isPattern ? source : source.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")),
  };
}

export const TAKEOVER_SERVICES: readonly TakeoverService[] = takeoverServicesFrom(
  JSON.parse(readFileSync(DATA_FILE, "utf8")) as FingerprintEntry[],
);

/** The service a CNAME target belongs to (the name itself or under one of its suffixes), if any. */
export function takeoverServiceFor(name: string): TakeoverService | undefined {
  const lowered = name.toLowerCase().replace(/\.$/, "");
  return TAKEOVER_SERVICES.find((service) =>
    service.cnameSuffixes.some((suffix) => lowered === suffix || lowered.endsWith(`.${suffix}`)),
  );
}

/** Only the start of a page is read for a fingerprint: "no such site" pages are short. */
const FINGERPRINT_WINDOW = 64 * 1024;

/** True when the page a host served carries the service's "nothing here" fingerprint. */
export function showsUnclaimedPage(service: TakeoverService, body: string): boolean {
  return service.sign.kind === "body" && service.sign.pattern.test(body.slice(0, FINGERPRINT_WINDOW));
}
