import {
  type Exchange,
  type RecordedResponse,
  type Discovery,
  type Recording,
  parseTarget,
  type HandshakeRecord,
  type DnsQueryRecord,
  type TlsObservation,
} from "../core/index.ts";
import { REDACTED, type ConnectOverride } from "../http/index.ts";
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
 * `amihackable judge FILE` turns it back into the same findings, offline. The credentials an authenticated
 * scan was given are not in it: requests record them redacted, every saved answer has them replaced, and
 * the request keeps only the fact. What the site answered to that session is, as the checks judged it.
 */
export interface RecordingFile {
  format: typeof RECORDING_FORMAT;
  version: typeof RECORDING_VERSION;
  scanner: { name: "amihackable"; version: string };
  request: { target: string; pins: ConnectOverride[]; settings: ScanSettings; authenticated: boolean };
  checks: string[];
  /** Checks the deadline stopped while judging (a replay skips them too, and says so). */
  cut?: string[];
  facts: GatheringFacts;
  /** The live report's end and duration, so a replay reports the scan it replays. */
  finishedAt: string;
  durationMs: number;
  recording: {
    exchanges: SavedExchange[];
    discovery: Discovery;
    tls: Array<[origin: string, observation: TlsObservation]>;
    handshakes: HandshakeRecord[];
    /** DNS questions and answers (absent in files written before the dns probe existed). */
    dns?: DnsQueryRecord[];
  };
}

/** A finished scan's raw material, handed out by reference (nothing is copied until a file is made). */
export interface RecordedScan {
  request: ScanRequest;
  checks: readonly string[];
  cut: readonly string[];
  recording: Recording;
  facts: GatheringFacts;
  finishedAt: string;
  durationMs: number;
}

export function toRecordingFile(inputs: RecordedScan): RecordingFile {
  const { request, recording } = inputs;
  const scrub = scrubberFor(credentialValues(request));
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
    ...(inputs.cut.length > 0 ? { cut: [...inputs.cut] } : {}),
    facts: inputs.facts,
    finishedAt: inputs.finishedAt,
    durationMs: inputs.durationMs,
    recording: {
      exchanges: recording.exchanges.map((exchange) => saveExchange(exchange, scrub)),
      discovery: recording.discovery,
      tls: [...recording.tls],
      handshakes: [...(recording.handshakes ?? [])],
      ...(recording.dns && recording.dns.length > 0 ? { dns: [...recording.dns] } : {}),
    },
  };
}

function saveExchange(exchange: Exchange, scrub: Scrubber): SavedExchange {
  if (!exchange.response) return exchange as SavedExchange;
  const { body, headers, ...response } = exchange.response;
  return {
    ...exchange,
    response: {
      ...response,
      headers: headers.map(([name, value]) => [name, scrub.text(value)] as const),
      bodyBase64: scrub.bytes(body).toString("base64"),
    },
  };
}

/** Shorter values are not worth hunting for: a match would more likely be chance than the credential. */
const MIN_CREDENTIAL_CHARS = 4;

/**
 * The values of an authenticated scan's --header and --cookie, and their parts a site may echo alone
 * (the token after "Bearer", a cookie's value): removed from every saved answer, so a page that prints
 * the request (phpinfo, a debug toolbar) cannot carry them into a file meant to be shared.
 */
function credentialValues(request: ScanRequest): string[] {
  const values = new Set<string>();
  for (const [, value] of request.credentials.headers) {
    values.add(value);
    for (const part of value.split(/\s+/)) values.add(part);
  }
  for (const cookie of request.credentials.cookies) {
    values.add(cookie);
    values.add(cookie.slice(cookie.indexOf("=") + 1));
  }
  // Longest first, so a whole value is replaced before a part of it could split it.
  return [...values]
    .filter((value) => value.length >= MIN_CREDENTIAL_CHARS)
    .sort((a, b) => b.length - a.length);
}

interface Scrubber {
  text(value: string): string;
  bytes(body: Uint8Array): Buffer;
}

function scrubberFor(values: readonly string[]): Scrubber {
  const needles = values.map((value) => Buffer.from(value, "utf8"));
  const replacement = Buffer.from(REDACTED, "utf8");
  return {
    text: (value) => values.reduce((text, secret) => text.split(secret).join(REDACTED), value),
    bytes(body) {
      let buffer = Buffer.from(body);
      for (const needle of needles) {
        if (buffer.indexOf(needle) < 0) continue;
        const parts: Buffer[] = [];
        let from = 0;
        for (let at = buffer.indexOf(needle); at >= 0; at = buffer.indexOf(needle, from)) {
          parts.push(buffer.subarray(from, at), replacement);
          from = at + needle.length;
        }
        parts.push(buffer.subarray(from));
        buffer = Buffer.concat(parts);
      }
      return buffer;
    },
  };
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
    pinnedAddresses: file.request.pins.map((pin) => pin.address),
    ...(file.recording.dns ? { dns: file.recording.dns } : {}),
  };
}
