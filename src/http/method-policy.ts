import type { Method } from "../core/index.ts";

interface ReadOnlyPost {
  name: string;
  /** The URL paths the POST may go to. */
  path: RegExp;
  /** Largest body allowed, in bytes: a read-only question is short. */
  maxBodyBytes: number;
  /** The body must say it only reads (checked here, so no probe can slip a write into it). */
  readOnly?: (body: string) => boolean;
  why: string;
}

/**
 * The scanner only reads. GET, HEAD and OPTIONS are always allowed; a POST is allowed only for a
 * read-only query named here, matched on the URL path, with a bounded body that (where the protocol
 * could carry a write) is checked to be a read. Each entry says why it is safe.
 */
const READ_ONLY_POSTS: readonly ReadOnlyPost[] = [
  {
    name: "supabase-storage-list",
    path: /^\/storage\/v1\/object\/list\/[^/]+$/,
    maxBodyBytes: 1024,
    why: "Supabase Storage lists objects only through POST; the body asks for one entry",
  },
  {
    name: "graphql-introspection",
    path: /\/(?:graphql|gql|query)(?:\/|$)/i,
    maxBodyBytes: 1024,
    readOnly: isGraphqlQueryOnly,
    why: "some GraphQL servers refuse GET; the body is one query operation (never a mutation or subscription)",
  },
  {
    name: "mcp-list-tools",
    path: /\/mcp\/?$/,
    maxBodyBytes: 1024,
    readOnly: isMcpHandshakeOrListing,
    why: "a streamable-HTTP MCP server speaks only POST; the body is initialize, its notification, or tools/list",
  },
];

export function methodRefusal(method: Method, url: URL, body?: string): string | null {
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return null;
  const refused = `${method} ${url.pathname} is not a read-only request; the scanner never sends it`;
  if (method !== "POST") return refused;
  const entry = READ_ONLY_POSTS.find((candidate) => candidate.path.test(url.pathname));
  if (!entry) return refused;
  const text = body ?? "";
  if (Buffer.byteLength(text) > entry.maxBodyBytes)
    return `${refused} (its body is over ${entry.maxBodyBytes} bytes)`;
  if (entry.readOnly && !entry.readOnly(text)) return `${refused} (its body is not a ${entry.name} read)`;
  return null;
}

function parsedObject(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A GraphQL request body holding exactly one query operation: `{ ... }` or `query Name { ... }`, with no
 * `mutation` or `subscription` anywhere in the text (a second operation could hide one).
 */
export function isGraphqlQueryOnly(body: string): boolean {
  const request = parsedObject(body);
  if (!request || typeof request.query !== "string") return false;
  if (Object.keys(request).some((key) => !["query", "operationName", "variables"].includes(key)))
    return false;
  const query = request.query.replace(/#[^\n]*/g, "").trim();
  if (/\b(?:mutation|subscription)\b/i.test(query)) return false;
  return /^(?:\{|query\b)/.test(query);
}

/** The MCP messages that only introduce the client and ask what tools exist; nothing is called. */
const MCP_READ_METHODS = new Set(["initialize", "notifications/initialized", "tools/list"]);

/** One JSON-RPC 2.0 message whose method is initialize, its notification, or tools/list. */
export function isMcpHandshakeOrListing(body: string): boolean {
  const message = parsedObject(body);
  return (
    message?.jsonrpc === "2.0" && typeof message.method === "string" && MCP_READ_METHODS.has(message.method)
  );
}
