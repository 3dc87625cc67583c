import {
  type Exchange,
  evidenceFrom,
  type EvidenceOptions,
  type Evidence,
  headerValue,
} from "../../core/index.ts";
import { redactEvidence } from "../../artifacts/index.ts";

/**
 * Evidence for a request sent with the app's public key: the key is redacted wherever it appears (the
 * recorded apikey header holds it whole), and the caller always supplies the excerpt, so rows and file
 * names never reach the report.
 */
export function keyedEvidence(
  exchange: Exchange,
  note: string,
  options: EvidenceOptions & { excerpt: string },
): Evidence {
  const key = headerValue(exchange.request.headers, "apikey");
  return redactEvidence(evidenceFrom(exchange, note, options), key ? [key] : []);
}

/** Project and table/bucket names are set by the target's operator and shown in reports: keep them tame. */
export function safeName(name: string): string {
  const clean = name.replace(/[^\w.@:/-]/g, "?");
  return clean.length > 60 ? `${clean.slice(0, 60)}…` : clean;
}
