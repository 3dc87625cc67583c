import { defineProbeArtifact, type Exchange, type Recording } from "../core/index.ts";

/** Where the info-errors probe put its malformed value: in a path of the site, or in an API route. */
export type ErrorTrigger = "path" | "api";

/** The probe that provokes the site's error handling with harmless GETs (written by probes/info, read here). */
export const ERRORS_PROBE = "info-errors";
/** Its deliberately malformed request; `labels.trigger` is the ErrorTrigger. */
export const ERROR_TRIGGER_ROLE = "error-trigger";

/** One deliberately malformed request and what came back (an answer, or none). */
export interface ErrorTriggerRequest {
  exchange: Exchange;
  trigger: ErrorTrigger;
}

/** The error-triggering requests, in the order they were recorded: the ones a reader can reproduce on purpose. */
export const ErrorTriggers = defineProbeArtifact(
  "error-triggers",
  (recording: Recording): ErrorTriggerRequest[] =>
    recording.exchanges
      .filter((exchange) => exchange.probe === ERRORS_PROBE && exchange.labels.role === ERROR_TRIGGER_ROLE)
      .map((exchange) => ({ exchange, trigger: exchange.labels.trigger === "api" ? "api" : "path" })),
);
