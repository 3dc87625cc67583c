import { bodyText, defineProbeArtifact, type Exchange, mimeType, type Recording } from "../core/index.ts";

/** The probe that looks for a Model Context Protocol server (written by probes/exposure, read here). */
export const MCP_PROBE = "mcp";
/** Its requests: the SSE transport's GET, the streamable endpoint's GET, and the three read-only POSTs. */
export const MCP_ROLES = ["sse", "endpoint", "initialize", "initialized", "tools-list"] as const;
export type McpRole = (typeof MCP_ROLES)[number];

/** What the probe says it is, in `initialize`. */
export const MCP_CLIENT_INFO = { name: "amihackable", version: "0.1" } as const;
export const MCP_PROTOCOL_VERSION = "2025-06-18";

export interface McpExchange {
  exchange: Exchange;
  role: McpRole;
}

function isRole(value: string | undefined): value is McpRole {
  return (MCP_ROLES as readonly string[]).includes(value ?? "");
}

/** The MCP probe's exchanges, in the order they were recorded. */
export const McpResponses = defineProbeArtifact("mcp-responses", (recording: Recording): McpExchange[] => {
  const found: McpExchange[] = [];
  for (const exchange of recording.exchanges) {
    const role = exchange.labels.role;
    if (exchange.probe === MCP_PROBE && isRole(role)) found.push({ exchange, role });
  }
  return found;
});

/** One server-sent event: its name ("message" when unnamed) and its data lines joined. */
export interface ServerSentEvent {
  event: string;
  data: string;
}

/** The events of an SSE body, as far as it was read (a stream cut by time keeps its complete events). */
export function serverSentEvents(text: string, limit = 20): ServerSentEvent[] {
  const events: ServerSentEvent[] = [];
  for (const block of text.split(/\r?\n\r?\n/)) {
    let event = "message";
    const data: string[] = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith("event:")) event = line.slice(6).trim();
      else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
    }
    if (data.length > 0) events.push({ event, data: data.join("\n") });
    if (events.length >= limit) break;
  }
  return events;
}

/**
 * The JSON-RPC messages in an MCP answer: a JSON body, or the `message` events of an SSE body (the
 * streamable transport may answer either way).
 */
export function jsonRpcMessages(exchange: Exchange): Array<Record<string, unknown>> {
  const response = exchange.response;
  if (!response || response.status < 200 || response.status >= 300) return [];
  const text = bodyText(response);
  const bodies =
    mimeType(response.headers) === "text/event-stream"
      ? serverSentEvents(text)
          .filter((event) => event.event === "message")
          .map((event) => event.data)
      : [text];
  const messages: Array<Record<string, unknown>> = [];
  for (const body of bodies) {
    try {
      const value: unknown = JSON.parse(body);
      if (typeof value === "object" && value !== null && !Array.isArray(value) && "jsonrpc" in value)
        messages.push(value);
    } catch {
      // Not JSON: not a message.
    }
  }
  return messages;
}

/** The `result` of the first JSON-RPC response in an answer, when it has one. */
export function jsonRpcResult(exchange: Exchange): Record<string, unknown> | undefined {
  const result = jsonRpcMessages(exchange).find((message) => "result" in message)?.result;
  return typeof result === "object" && result !== null && !Array.isArray(result)
    ? (result as Record<string, unknown>)
    : undefined;
}
