import { bodyText } from "./body.ts";
import type { Exchange } from "./exchange.ts";
import type { Evidence } from "./finding.ts";

const EXCERPT_CHARS = 600;
const MAX_HEADERS = 40;
const MAX_HEADER_VALUE = 500;

export interface EvidenceOptions {
  /** Response headers that prove the point; when given, only these are kept. */
  headers?: readonly string[];
  /** A replacement body excerpt (e.g. with a secret redacted); default: the start of the body. */
  excerpt?: string;
  /** Center the excerpt on this offset of the body text instead of its start. */
  around?: number;
}

/** Turns a recorded exchange into bounded evidence: the request, the proving headers, a body excerpt, curl. */
export function evidenceFrom(exchange: Exchange, note: string, options: EvidenceOptions = {}): Evidence {
  const evidence: Evidence = {
    exchangeId: exchange.id,
    note,
    request: {
      method: exchange.request.method,
      url: exchange.request.url,
      headers: exchange.request.headers.slice(0, MAX_HEADERS),
    },
    curl: curlFor(exchange),
  };
  const response = exchange.response;
  if (response) {
    const wanted = options.headers?.map((name) => name.toLowerCase());
    const headers = response.headers
      .filter(([name]) => !wanted || wanted.includes(name))
      .slice(0, MAX_HEADERS)
      .map(([name, value]) => [name, clip(value, MAX_HEADER_VALUE)] as const);
    const text = options.excerpt ?? excerptOf(bodyText(response), options.around);
    evidence.response = {
      status: response.status,
      headers,
      bodyExcerpt: clip(text, EXCERPT_CHARS),
      bodyTruncated:
        text.length > EXCERPT_CHARS ||
        bodyText(response).length > EXCERPT_CHARS ||
        response.truncated !== undefined,
    };
  }
  return evidence;
}

function excerptOf(text: string, around: number | undefined): string {
  if (around === undefined) return text.slice(0, EXCERPT_CHARS);
  const start = Math.max(0, around - EXCERPT_CHARS / 2);
  return text.slice(start, start + EXCERPT_CHARS);
}

function clip(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

/** A curl command that sends the same request; every argument single-quoted for the shell. */
export function curlFor(exchange: Exchange): string {
  const parts = ["curl", "-i", "-s"];
  const { method, url, headers, body } = exchange.request;
  if (method === "HEAD") parts.push("-I");
  else if (method !== "GET") parts.push("-X", method);
  for (const [name, value] of headers) {
    if (name === "user-agent" || name === "accept" || name === "accept-encoding") continue;
    parts.push("-H", shellQuote(`${name}: ${value}`));
  }
  if (body !== undefined) parts.push("--data", shellQuote(body));
  parts.push(shellQuote(url));
  return parts.join(" ");
}

export function shellQuote(value: string): string {
  return `'${value.replace(/[\r\n]/g, " ").replace(/'/g, `'\\''`)}'`;
}
