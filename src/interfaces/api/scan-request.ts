import net from "node:net";
import { CHECKS } from "../../checks/index.ts";
import { parseTarget, TargetError, type Target } from "../../core/target.ts";
import { unknownPatterns } from "../../engine/plan.ts";
import { literalRefusal, type AddressGuard } from "../../http/address-policy.ts";
import type { ScanRequestOptions } from "../../store/scan-record.ts";
import { HttpError } from "../server/http-error.ts";

/** Server-mode ceilings: a stranger's scan is never bigger than the CLI's defaults. */
export const MAX_BUDGET = 150;
export const MAX_TIMEOUT_SECONDS = 60;
const MAX_URL_LENGTH = 2048;
const MAX_PATTERNS = 50;

export interface ScanPolicy {
  guard: AddressGuard;
  allowNonDefaultPorts: boolean;
}

export interface ValidScanRequest {
  target: Target;
  options: ScanRequestOptions;
}

/**
 * Checks a scan request from a stranger (the API's JSON body or the page's form) and says exactly what
 * is wrong. Refusals that can be decided before any lookup are decided here: an address literal that
 * is not public (http://169.254.169.254/, http://[::1]/, http://2130706433/ once the URL parser has
 * normalised it) or an explicit port. Names are checked again, address by address, when the scan
 * connects (src/http/connector.ts), which is what stops DNS tricks.
 */
export function validateScanRequest(body: unknown, policy: ScanPolicy): ValidScanRequest {
  if (!isPlainObject(body))
    throw invalid("invalid_body", 'The body must be a JSON object such as {"url": "https://example.com"}.');
  const extra = Object.keys(body).filter((key) => key !== "url" && key !== "options");
  if (extra.length > 0)
    throw invalid(
      "invalid_body",
      `Unknown field${extra.length > 1 ? "s" : ""}: ${extra.join(", ")}. Known: url, options.`,
    );
  const target = validateTarget(body.url, policy);
  const options = validateOptions(body.options);
  return { target, options };
}

export function validateTarget(url: unknown, policy: ScanPolicy): Target {
  if (typeof url !== "string" || url.trim() === "")
    throw invalid("invalid_url", 'Give the address to scan in "url", e.g. "https://example.com".');
  if (url.length > MAX_URL_LENGTH)
    throw invalid("invalid_url", `The URL is longer than ${MAX_URL_LENGTH} characters.`);
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
      `Only the default web ports can be scanned here (80 for http, 443 for https), not port ${parsed.port}.`,
    );
  if (net.isIP(target.hostname)) {
    if (policy.guard.check(target.hostname, target.hostname))
      throw new HttpError(
        422,
        "target_not_allowed",
        `This address cannot be scanned: ${literalRefusal(target.hostname) ?? "it is not allowed"}.`,
      );
  } else if (target.hostname === "localhost" || target.hostname.endsWith(".localhost")) {
    // Resolvers answer loopback for these names without asking DNS; say so now rather than after queueing.
    const refusal = policy.guard.check("127.0.0.1", target.hostname);
    if (refusal)
      throw new HttpError(422, "target_not_allowed", `This address cannot be scanned: ${refusal}.`);
  }
  return target;
}

function validateOptions(options: unknown): ScanRequestOptions {
  if (options === undefined || options === null) return {};
  if (!isPlainObject(options)) throw invalid("invalid_option", '"options" must be an object.');
  const known = ["only", "ignore", "budget", "timeout"];
  const extra = Object.keys(options).filter((key) => !known.includes(key));
  if (extra.length > 0)
    throw invalid(
      "invalid_option",
      `Unknown option${extra.length > 1 ? "s" : ""}: ${extra.join(", ")}. Known: ${known.join(", ")}.`,
    );
  const out: ScanRequestOptions = {};
  for (const key of ["only", "ignore"] as const) {
    const value = options[key];
    if (value === undefined) continue;
    if (
      !Array.isArray(value) ||
      value.some((item) => typeof item !== "string" || item.length === 0 || item.length > 100) ||
      value.length > MAX_PATTERNS
    )
      throw invalid(
        "invalid_option",
        `"options.${key}" must be a list of up to ${MAX_PATTERNS} finding ids or families, e.g. ["cors"].`,
      );
    const patterns = value as string[];
    const unknown = unknownPatterns(CHECKS, patterns);
    if (unknown.length > 0)
      throw invalid(
        "unknown_check",
        `Unknown finding id or family in options.${key}: ${unknown.slice(0, 5).join(", ")}.`,
      );
    if (patterns.length > 0) out[key] = patterns;
  }
  if (options.budget !== undefined)
    out.budget = boundedInteger("budget", options.budget, MAX_BUDGET, "requests");
  if (options.timeout !== undefined)
    out.timeout = boundedInteger("timeout", options.timeout, MAX_TIMEOUT_SECONDS, "seconds");
  return out;
}

function boundedInteger(name: string, value: unknown, max: number, unit: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > max)
    throw invalid("invalid_option", `"options.${name}" must be a whole number from 1 to ${max} (${unit}).`);
  return value;
}

function invalid(code: string, message: string): HttpError {
  return new HttpError(400, code, message);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
