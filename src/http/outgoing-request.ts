import type { HeaderList, Labels, Method } from "../core/index.ts";
import type { BodyPool } from "./body-pool.ts";

/** What a probe asks the client to send. */
export interface SendRequest {
  method: Method;
  url: string;
  headers?: Record<string, string>;
  body?: string;
  probe: string;
  labels?: Labels;
  /** Follow redirects (each hop is its own recorded exchange). */
  follow?: boolean;
  maxBodyBytes?: number;
  /**
   * A shorter whole-request time than the scan's limit (never a longer one), for a stream a probe reads
   * only the start of (an SSE endpoint's first event): the body is cut then and keeps what arrived.
   */
  timeoutMs?: number;
  /** A probe's own allowance shared by several requests (discovery's total for bundles). */
  bodyPool?: BodyPool;
}

export const USER_AGENT = "Mozilla/5.0 (compatible; amihackable/0.1; +security scanner, read-only)";

/** What a recorded request shows instead of a credential the user gave. */
export const REDACTED = "[redacted]";

export type HeaderPair = readonly [string, string];

/** Who the scanner says it is, and the user's credentials with the rule for where they may go. */
export interface RequestIdentity {
  userAgent?: string;
  credentials?: HeaderList;
  sendCredentialsTo?: (url: URL) => boolean;
}

/**
 * The headers to send, and the same headers as recorded: the user's credentials go only where
 * `sendCredentialsTo` allows, and never into a record (a report or a log must not leak a session).
 */
export function requestHeaders(
  req: SendRequest,
  url: URL,
  identity: RequestIdentity,
): { sent: HeaderPair[]; recorded: HeaderPair[] } {
  const sent = new Map<string, string>();
  const recorded = new Map<string, string>();
  const set = (name: string, value: string, shown = value) => {
    sent.set(name.toLowerCase(), value);
    recorded.set(name.toLowerCase(), shown);
  };
  set("user-agent", identity.userAgent ?? USER_AGENT);
  set("accept", "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8");
  set("accept-encoding", "gzip, deflate, br");
  if (identity.sendCredentialsTo?.(url) ?? false) {
    for (const [name, value] of identity.credentials ?? []) set(name, value, REDACTED);
  }
  for (const [rawName, value] of Object.entries(req.headers ?? {})) {
    const name = rawName.toLowerCase();
    const existing = sent.get(name);
    // A probe's own cookie is added to the user's, not put in its place; only the user's part is hidden.
    if (name === "cookie" && existing !== undefined) {
      set(name, `${existing}; ${value}`, `${recorded.get(name) ?? REDACTED}; ${value}`);
    } else {
      set(name, value, name === "authorization" || name === "proxy-authorization" ? REDACTED : value);
    }
  }
  return { sent: [...sent], recorded: [...recorded] };
}

/** The request body as a record carries it (absent rather than undefined). */
export function bodyOf(req: SendRequest): { body?: string } {
  return req.body !== undefined ? { body: req.body } : {};
}
