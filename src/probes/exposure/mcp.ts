import { bodyText, type Exchange, headerValue, mimeType } from "../../core/index.ts";
import {
  jsonRpcResult,
  MCP_CLIENT_INFO,
  MCP_PROBE,
  MCP_PROTOCOL_VERSION,
  type McpRole,
  McpResponses,
} from "../../artifacts/index.ts";
import type { Probe, ProbeContext } from "../probe.ts";

/** An SSE endpoint never ends: read its first event for this long at most. */
const STREAM_MS = 2_500;
const MAX_BODY_BYTES = 64 * 1024;

/**
 * Looks for a Model Context Protocol server on the site's origin: GET /sse (the SSE transport, whose
 * first event names the endpoint to post to) and GET /mcp (the streamable HTTP transport). Only when
 * /mcp answers like an MCP server (405 for GET, a JSON-RPC error, an event stream) does it POST
 * `initialize`, then `notifications/initialized` and `tools/list`: introductions and a listing, never a
 * tool call (the method policy refuses any other method). Judges nothing.
 */
export const mcpProbe: Probe = {
  name: MCP_PROBE,
  title: "Looking for an MCP server",
  after: ["discovery"],
  produces: [McpResponses],
  async run(context) {
    const origin = new URL(context.discovery.finalUrl ?? context.target.url).origin;
    const endpoint = `${origin}/mcp`;
    const [, probe] = await Promise.all([
      send(context, "sse", `${origin}/sse`, { accept: "text/event-stream" }),
      send(context, "endpoint", endpoint, { accept: "application/json, text/event-stream" }),
    ]);
    if (!answersLikeMcp(probe)) return;
    const initialize = await post(context, "initialize", endpoint, {
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: { protocolVersion: MCP_PROTOCOL_VERSION, capabilities: {}, clientInfo: MCP_CLIENT_INFO },
    });
    const result = jsonRpcResult(initialize);
    if (typeof result?.protocolVersion !== "string") return;
    const session = initialize.response
      ? headerValue(initialize.response.headers, "mcp-session-id")
      : undefined;
    const headers: Record<string, string> = {
      "mcp-protocol-version": result.protocolVersion.slice(0, 20),
      ...(session && /^[\x21-\x7e]{1,200}$/.test(session) ? { "mcp-session-id": session } : {}),
    };
    await post(
      context,
      "initialized",
      endpoint,
      { jsonrpc: "2.0", method: "notifications/initialized" },
      headers,
    );
    await post(
      context,
      "tools-list",
      endpoint,
      { jsonrpc: "2.0", id: 2, method: "tools/list", params: {} },
      headers,
    );
  },
};

function send(
  context: ProbeContext,
  role: McpRole,
  url: string,
  headers: Record<string, string>,
): Promise<Exchange> {
  return context.http.send({
    method: "GET",
    url,
    probe: MCP_PROBE,
    labels: { role },
    headers,
    maxBodyBytes: MAX_BODY_BYTES,
    timeoutMs: STREAM_MS,
  });
}

function post(
  context: ProbeContext,
  role: McpRole,
  url: string,
  message: object,
  headers: Record<string, string> = {},
): Promise<Exchange> {
  return context.http.send({
    method: "POST",
    url,
    probe: MCP_PROBE,
    labels: { role },
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      ...headers,
    },
    body: JSON.stringify(message),
    maxBodyBytes: MAX_BODY_BYTES,
    timeoutMs: STREAM_MS,
  });
}

/** Gathering, not judging: whether /mcp is worth an `initialize` (what MCP servers answer a bare GET). */
function answersLikeMcp(exchange: Exchange): boolean {
  const response = exchange.response;
  if (!response) return false;
  if (response.status === 405 || response.status === 406) return true;
  if (mimeType(response.headers) === "text/event-stream") return true;
  return response.status === 400 && /"jsonrpc"\s*:\s*"2\.0"/.test(bodyText(response).slice(0, 2000));
}
