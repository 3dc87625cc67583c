import { type Recording, bodyText, type Exchange, mimeType, defineProbeArtifact } from "../core/index.ts";
import { EXPOSURE_PROBE } from "./exposure-responses.ts";

/** The exposure probe's requests for paths that cannot exist (written by probes/exposure, read here). */
export const BASELINE_ROLE = "baseline";

/** Characters compared: a catch-all page shows its sameness early. */
const COMPARED_CHARS = 16 * 1024;
const SIMILAR_WORDS = 0.9;

/**
 * Soft-404 calibration. Many hosts answer a missing file with 200: single-page apps (index.html
 * everywhere), catch-all APIs (`{"error":"not found"}`), CDNs (a branded block page). A candidate file
 * counts only when it has the content signature of what it claims to be, its host's baselines (paths
 * that cannot exist) do not have that signature too, and it does not look like a baseline or the index.
 */
export interface SoftNotFound {
  /** The baseline exchanges of the candidate's origin (answers for paths that cannot exist). */
  baselinesFor(exchange: Exchange): Exchange[];
  /** The response looks like what this host sends for anything: a baseline or the index page. */
  looksLikeCatchAll(exchange: Exchange): boolean;
  /** Signature present here, absent from this host's baselines, and not a catch-all answer. */
  confirmed(exchange: Exchange, signature: (exchange: Exchange) => boolean): boolean;
}

export const SoftNotFoundBaselines = defineProbeArtifact(
  "soft-not-found",
  (artifacts: Recording): SoftNotFound => {
    const baselines = artifacts.exchanges.filter(
      (exchange) =>
        exchange.probe === EXPOSURE_PROBE && exchange.labels.role === BASELINE_ROLE && exchange.response,
    );
    const page = artifacts.exchanges.find((exchange) => exchange.id === artifacts.discovery.pageExchangeId);
    const originOf = (exchange: Exchange) => new URL(exchange.request.url).origin;

    const baselinesFor = (exchange: Exchange) =>
      baselines.filter((baseline) => originOf(baseline) === originOf(exchange));

    const looksLikeCatchAll = (exchange: Exchange) => {
      const references = baselinesFor(exchange);
      if (page?.response && originOf(page) === originOf(exchange) && page.id !== exchange.id)
        references.push(page);
      return references.some((reference) => sameAnswer(exchange, reference));
    };

    return {
      baselinesFor,
      looksLikeCatchAll,
      confirmed(exchange, signature) {
        if (!exchange.response || !signature(exchange)) return false;
        if (baselinesFor(exchange).some(signature)) return false;
        return !looksLikeCatchAll(exchange);
      },
    };
  },
);

/** Two responses are the same answer when status and type agree and the bodies match, paths aside. */
export function sameAnswer(a: Exchange, b: Exchange): boolean {
  if (!a.response || !b.response) return false;
  if (a.response.status !== b.response.status) return false;
  if (mimeType(a.response.headers) !== mimeType(b.response.headers)) return false;
  const left = normalised(a);
  const right = normalised(b);
  if (left === right) return true;
  const shorter = Math.min(left.length, right.length);
  const longer = Math.max(left.length, right.length);
  if (longer === 0 || shorter / longer < 0.8) return false;
  return wordSimilarity(left, right) >= SIMILAR_WORDS;
}

/** The body with the request's own path taken out (404 pages echo it), numbers and spacing evened out. */
function normalised(exchange: Exchange): string {
  const text = bodyText(exchange.response).slice(0, COMPARED_CHARS);
  const path = new URL(exchange.request.url).pathname;
  const names = [path, decodeSafe(path), path.split("/").filter(Boolean).at(-1) ?? ""].filter(
    (n) => n.length > 1,
  );
  let result = text;
  for (const name of names) result = result.split(name).join("");
  return result.replace(/\d+/g, "0").replace(/\s+/g, " ").trim();
}

function decodeSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Jaccard similarity of the two texts' word sets. */
function wordSimilarity(a: string, b: string): number {
  const words = (text: string) => new Set(text.split(/[^A-Za-z0-9_]+/).filter(Boolean));
  const left = words(a);
  const right = words(b);
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return shared / (left.size + right.size - shared);
}
