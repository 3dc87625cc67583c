import { defineProbeArtifact, type Exchange, type RecordedResponse, type Recording } from "../core/index.ts";

/** The well-known debug or status endpoints the info-debug probe asks for. */
export const DEBUG_KINDS = ["phpinfo", "server-status", "actuator", "actuator-env", "ignition"] as const;
export type DebugKind = (typeof DEBUG_KINDS)[number];

/** The probe that asks for them, one GET each (written by probes/info, read here). */
export const DEBUG_PROBE = "info-debug";
/** Its request for one endpoint; `labels.kind` is the DebugKind. */
export const DEBUG_ROLE = "debug-endpoint";

/** One debug endpoint that answered (any status: the check recognises it by its content). */
export interface DebugResponse {
  exchange: Exchange;
  response: RecordedResponse;
  kind: DebugKind;
}

function isDebugKind(value: string | undefined): value is DebugKind {
  return (DEBUG_KINDS as readonly string[]).includes(value ?? "");
}

/** The debug endpoints' answers, in the order they were recorded. */
export const DebugResponses = defineProbeArtifact(
  "debug-responses",
  (recording: Recording): DebugResponse[] => {
    const answers: DebugResponse[] = [];
    for (const exchange of recording.exchanges) {
      if (exchange.probe !== DEBUG_PROBE || exchange.labels.role !== DEBUG_ROLE || !exchange.response)
        continue;
      const kind = exchange.labels.kind;
      if (!isDebugKind(kind)) continue;
      answers.push({ exchange, response: exchange.response, kind });
    }
    return answers;
  },
);
