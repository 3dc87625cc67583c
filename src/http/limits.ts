/** The bounds one scan's HTTP traffic keeps: how much, how long, how large. */
export interface HttpLimits {
  /** Most requests one scan may send, redirects included. */
  budget: number;
  perHostConcurrency: number;
  connectTimeoutMs: number;
  /** Time from sending the request to the end of the response headers (a slow drip of headers too). */
  headersTimeoutMs: number;
  /** Longest silence allowed between two chunks of a body. */
  bodyIdleTimeoutMs: number;
  /** Whole request, body included: bounds slow-drip bodies that are never idle long enough to time out. */
  requestTimeoutMs: number;
  /** Decoded body cap for an ordinary response. */
  maxBodyBytes: number;
  /** Body bytes one scan keeps in all; past it, bodies are cut at `minBodyBytes`. */
  maxTotalBodyBytes: number;
  /** What every body may keep even when the scan-wide allowance is spent (status pages, small JSON). */
  minBodyBytes: number;
  /** Response header block cap; browsers refuse around 256 KiB, real sites send a few KiB. */
  maxHeaderBytes: number;
  maxRedirects: number;
}

export const DEFAULT_LIMITS: HttpLimits = {
  budget: 150,
  perHostConcurrency: 6,
  connectTimeoutMs: 5_000,
  headersTimeoutMs: 10_000,
  bodyIdleTimeoutMs: 10_000,
  requestTimeoutMs: 15_000,
  maxBodyBytes: 2 * 1024 * 1024,
  maxTotalBodyBytes: 64 * 1024 * 1024,
  minBodyBytes: 16 * 1024,
  maxHeaderBytes: 64 * 1024,
  maxRedirects: 5,
};
