import { defineProbeArtifact, type Exchange, type Recording } from "../core/index.ts";

/**
 * What a curated path is expected to be; the check that reads it says whether it really is. Checks ask
 * for the kinds they judge (`{ kind: ExposureResponses, request: "env" }`) and the probe sends only those.
 */
export const EXPOSURE_KINDS = [
  "env",
  "git",
  "ds-store",
  "backup",
  "listing",
  "api-docs",
  "log",
  "config",
  "database",
  "admin",
  "console",
] as const;
export type ExposureKind = (typeof EXPOSURE_KINDS)[number];

function isExposureKind(value: string | undefined): value is ExposureKind {
  return (EXPOSURE_KINDS as readonly string[]).includes(value ?? "");
}

/** The probe that asks for the curated paths (written by probes/exposure, read here and in soft-404.ts). */
export const EXPOSURE_PROBE = "exposure";
/** Its request for one curated path; `labels.kind` is the ExposureKind, `labels.path` the path asked for. */
export const CANDIDATE_ROLE = "candidate";

/** One curated path the probe asked for, with what it was expected to be. */
export interface ExposureCandidate {
  exchange: Exchange;
  kind: ExposureKind;
  /** The path as asked for ("/.env"). */
  path: string;
}

/** The exposure probe's answers, plus the main page (a site's root may itself be a directory listing). */
export interface ExposureResponses {
  /** Every curated path asked for, in the order the answers were recorded. */
  candidates: readonly ExposureCandidate[];
  /** The main document after redirects, when it answered. */
  page?: Exchange;
}

export const ExposureResponses = defineProbeArtifact(
  "exposure-responses",
  (recording: Recording): ExposureResponses => {
    const candidates: ExposureCandidate[] = [];
    for (const exchange of recording.exchanges) {
      if (exchange.probe !== EXPOSURE_PROBE || exchange.labels.role !== CANDIDATE_ROLE) continue;
      const kind = exchange.labels.kind;
      if (!isExposureKind(kind)) continue;
      candidates.push({
        exchange,
        kind,
        path: exchange.labels.path ?? new URL(exchange.request.url).pathname,
      });
    }
    const pageId = recording.discovery.pageExchangeId;
    const page =
      pageId === undefined ? undefined : recording.exchanges.find((exchange) => exchange.id === pageId);
    return { candidates, ...(page ? { page } : {}) };
  },
);
