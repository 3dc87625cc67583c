/**
 * An Exchange is one request the scanner sent and what came back (or why nothing did). Probes record
 * exchanges; checks read them. Everything in `response` came from the target and is hostile: it is
 * already bounded in size by the HTTP layer, and must be escaped by whoever renders it.
 */
export type SafeMethod = "GET" | "HEAD" | "OPTIONS";
/** POST is allowed only for read-only queries that an issue names (see http/method-policy.ts). */
export type Method = SafeMethod | "POST";

export type HeaderList = ReadonlyArray<readonly [name: string, value: string]>;

export interface RecordedRequest {
  method: Method;
  url: string;
  /** As sent, except that credentials supplied by the user are redacted. */
  headers: HeaderList;
  body?: string;
}

export interface RecordedResponse {
  status: number;
  statusText: string;
  /** Names lower-cased, in the order received, repeated headers kept (Set-Cookie). */
  headers: HeaderList;
  /** Decoded (decompressed) body, cut at the cap. */
  body: Uint8Array;
  /** Bytes received on the wire before decoding (also cut at the cap). */
  wireBytes: number;
  /** Why the body is incomplete, if it is. */
  truncated?: "size" | "time" | "decode-size" | "aborted";
  httpVersion: string;
  remoteAddress?: string;
  /** Milliseconds from send to the end of the body. */
  elapsedMs: number;
  tls?: TlsInfo;
}

export interface TlsInfo {
  protocol: string | null;
  cipher: string | null;
  authorized: boolean;
  authorizationError?: string;
}

/** Labels say which probe sent the request and why, so checks can find the exchanges they judge. */
export type Labels = Readonly<Record<string, string>>;

export interface Exchange {
  id: number;
  probe: string;
  labels: Labels;
  request: RecordedRequest;
  response?: RecordedResponse;
  error?: ExchangeError;
  /** The exchange whose redirect led here. */
  redirectedFrom?: number;
  startedAt: string;
}

export type ExchangeErrorCode =
  | "dns"
  | "refused"
  | "reset"
  | "tls"
  | "timeout"
  | "deadline"
  | "budget"
  | "blocked-address"
  | "blocked-method"
  | "too-many-redirects"
  | "invalid-response"
  | "other";

export interface ExchangeError {
  code: ExchangeErrorCode;
  message: string;
}
