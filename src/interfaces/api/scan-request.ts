import net from "node:net";
import { CHECKS } from "../../checks/index.ts";
import { parseTarget, TargetError, type Target } from "../../core/index.ts";
import { unknownPatterns, scanRequest, type ScanRequest } from "../../engine/index.ts";
import { literalRefusal, type AddressGuard } from "../../http/index.ts";
import type { ScanRecord, ScanRequestOptions } from "../../store/index.ts";
import { HttpError } from "../server/index.ts";

/** Server-mode ceilings: a stranger's scan is never bigger than the CLI's defaults. */
export const MAX_BUDGET = 150;
export const MAX_TIMEOUT_SECONDS = 60;
export const MAX_URL_LENGTH = 2048;
export const MAX_PATTERNS = 50;

/** What the operator decides for every scan a stranger starts: checked here before queueing, and again
 * address by address when the scan connects. */
export interface ScanPolicy {
  guard: AddressGuard;
  allowNonDefaultPorts: boolean;
}

/**
 * The one mapping from a stored scan request (what a stranger chose, already validated) to the engine's
 * request; the operator's policy goes with it to the scan's thread (src/queue/scan-thread.ts).
 */
export function scanRequestFor(record: Pick<ScanRecord, "url" | "options">): ScanRequest {
  const { options } = record;
  return scanRequest(record.url, {
    ...(options.budget ? { budget: options.budget } : {}),
    ...(options.timeout ? { timeoutMs: options.timeout * 1000 } : {}),
    ...(options.only ? { only: options.only } : {}),
    ...(options.ignore ? { ignore: options.ignore } : {}),
  });
}

/**
 * What a schema cannot say about a scan request (its shape is checked by the route's schema first):
 * the URL must parse, and refusals that can be decided before any lookup are decided here: an address
 * literal that is not public (http://169.254.169.254/, http://[::1]/, http://2130706433/ once the URL
 * parser has normalised it) or an explicit port. Names are checked again, address by address, when the
 * scan connects (src/http/connector.ts), which is what stops DNS tricks.
 */
export function scanTarget(url: string, policy: ScanPolicy): Target {
  if (url.trim() === "")
    throw invalid("invalid_url", 'Give the address to scan in "url", e.g. "https://example.com".');
  if (/^\s*(?:[a-z][a-z0-9+.-]*:\/\/)?[^/?#]*@/i.test(url))
    // The engine's sentence names the CLI's --header/--cookie; scans started here have no credentials.
    throw invalid(
      "invalid_url",
      "Remove the user name and password from the URL: scans started here see the site as a visitor who is not logged in (for an authenticated scan, run the amihackable command line with --header or --cookie).",
    );
  let target: Target;
  try {
    target = parseTarget(url);
  } catch (error) {
    if (error instanceof TargetError) throw invalid("invalid_url", error.message);
    throw error;
  }
  const parsed = new URL(target.url);
  if (parsed.port && !policy.allowNonDefaultPorts)
    throw new HttpError(
      422,
      "port_not_allowed",
      `Only the default web ports can be scanned here (80 for http, 443 for https), not port ${parsed.port}. ${ALLOW_PORTS_HINT}`,
    );
  if (net.isIP(target.hostname)) {
    if (policy.guard.check(target.hostname, target.hostname))
      throw new HttpError(
        422,
        "target_not_allowed",
        `This address cannot be scanned: ${literalRefusal(target.hostname) ?? "it is not allowed"}. ${allowAddressHint(target.hostname)}`,
      );
  } else if (target.hostname === "localhost" || target.hostname.endsWith(".localhost")) {
    // Resolvers answer loopback for these names without asking DNS; say so now rather than after queueing.
    const refusal = policy.guard.check("127.0.0.1", target.hostname);
    if (refusal)
      throw new HttpError(
        422,
        "target_not_allowed",
        `This address cannot be scanned: ${refusal}. ${allowAddressHint("127.0.0.1")}`,
      );
  }
  return target;
}

/** Finding ids and families must name checks that exist (the registry, not the schema, knows them). */
export function scanOptions(options: ScanRequestOptions = {}): ScanRequestOptions {
  const out: ScanRequestOptions = {};
  for (const key of ["only", "ignore"] as const) {
    const patterns = options[key];
    if (!patterns) continue;
    const unknown = unknownPatterns(CHECKS, patterns);
    if (unknown.length > 0)
      throw invalid(
        "unknown_check",
        `Unknown finding id or family in options.${key}: ${unknown.slice(0, 5).join(", ")}.`,
      );
    if (patterns.length > 0) out[key] = patterns;
  }
  if (options.budget !== undefined) out.budget = options.budget;
  if (options.timeout !== undefined) out.timeout = options.timeout;
  return out;
}

/**
 * Said with every refusal the operator can lift, so whoever runs the server on purpose for a local or
 * staging site learns the setting (README, "The web app and HTTP API").
 */
export const ALLOW_PORTS_HINT =
  "The server's operator can allow other ports by starting it with AMIHACKABLE_ALLOW_NON_DEFAULT_PORTS=1.";

export function allowAddressHint(address: string): string {
  return `The server's operator can allow it by starting it with AMIHACKABLE_ALLOW_ADDRESSES=${address} (addresses or CIDR ranges, comma-separated).`;
}

function invalid(code: string, message: string): HttpError {
  return new HttpError(400, code, message);
}
