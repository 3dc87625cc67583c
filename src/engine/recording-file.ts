import {
  type Exchange,
  type RecordedResponse,
  type Discovery,
  type Recording,
  parseTarget,
  type HandshakeRecord,
  type TlsObservation,
} from "../core/index.ts";
import type { ConnectOverride } from "../http/index.ts";
import { VERSION } from "../version.ts";
import type { GatheringFacts } from "./gather.ts";
import type { ScanRequest, ScanSettings } from "./request.ts";

export const RECORDING_FORMAT = "amihackable-recording";
/** Bumped when a field changes meaning or goes; `judge` refuses a version it does not know. */
export const RECORDING_VERSION = 1;

type SavedResponse = Omit<RecordedResponse, "body"> & { bodyBase64: string };
export type SavedExchange = Omit<Exchange, "response"> & { response?: SavedResponse };

/**
 * A scan as it was gathered (schemas/recording.schema.json): what was asked, which checks judged, what
 * the probes recorded (bodies already bounded by the HTTP layer) and what happened along the way.
 * `amihackable judge FILE` turns it back into the same findings, offline. Credentials an authenticated
 * scan used are never in it: exchanges record them redacted, and the request keeps only the fact.
 */
export interface RecordingFile {
  format: typeof RECORDING_FORMAT;
  version: typeof RECORDING_VERSION;
  scanner: { name: "amihackable"; version: string };
  request: { target: string; pins: ConnectOverride[]; settings: ScanSettings; authenticated: boolean };
  checks: string[];
  facts: GatheringFacts;
  /** The live report's end and duration, so a replay reports the scan it replays. */
  finishedAt: string;
  durationMs: number;
  recording: {
    exchanges: SavedExchange[];
    discovery: Discovery;
    tls: Array<[origin: string, observation: TlsObservation]>;
    handshakes: HandshakeRecord[];
  };
}

/** A finished scan's raw material, handed out by reference (nothing is copied until a file is made). */
export interface RecordedScan {
  request: ScanRequest;
  checks: readonly string[];
  recording: Recording;
  facts: GatheringFacts;
  finishedAt: string;
  durationMs: number;
}

export function toRecordingFile(inputs: RecordedScan): RecordingFile {
  const { request, recording } = inputs;
  return {
    format: RECORDING_FORMAT,
    version: RECORDING_VERSION,
    scanner: { name: "amihackable", version: VERSION },
    request: {
      target: request.target.input,
      pins: [...request.pins],
      settings: {
        ...request.settings,
        only: [...request.settings.only],
        ignore: [...request.settings.ignore],
      },
      authenticated: request.credentials.headers.length + request.credentials.cookies.length > 0,
    },
    checks: [...inputs.checks],
    facts: inputs.facts,
    finishedAt: inputs.finishedAt,
    durationMs: inputs.durationMs,
    recording: {
      exchanges: recording.exchanges.map(saveExchange),
      discovery: recording.discovery,
      tls: [...recording.tls],
      handshakes: [...(recording.handshakes ?? [])],
    },
  };
}

function saveExchange(exchange: Exchange): SavedExchange {
  if (!exchange.response) return exchange as SavedExchange;
  const { body, ...response } = exchange.response;
  return { ...exchange, response: { ...response, bodyBase64: Buffer.from(body).toString("base64") } };
}

function loadExchange(saved: SavedExchange): Exchange {
  if (!saved.response) return saved as Exchange;
  const { bodyBase64, ...response } = saved.response;
  return { ...saved, response: { ...response, body: new Uint8Array(Buffer.from(bodyBase64, "base64")) } };
}

/** The recording as the checks saw it, rebuilt from the file. */
export function recordingFrom(file: RecordingFile): Recording {
  return {
    target: parseTarget(file.request.target),
    exchanges: file.recording.exchanges.map(loadExchange),
    discovery: file.recording.discovery,
    tls: new Map(file.recording.tls),
    handshakes: file.recording.handshakes,
  };
}
