import { jsonRpcResult, McpResponses, serverSentEvents } from "../../artifacts/index.ts";
import {
  type Check,
  bodyText,
  evidenceFrom,
  type Exchange,
  type FindingDraft,
  mimeType,
} from "../../core/index.ts";
import { isSuccess, originOf, pathOf } from "./exposed-files.ts";

/** Tools were listed: whatever they do, anyone can call them. */
const CVSS_WITH_TOOLS = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:L/A:N";
const TOOLS_SHOWN = 20;

/** A tool name as shown: printable, short (it is the target's text). */
function toolName(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const name = value.replace(/[^\w .:/-]/g, "").slice(0, 64);
  return name || undefined;
}

/** The SSE transport's first event names the endpoint to post messages to; its session id stays out of the report. */
function sseEndpoint(exchange: Exchange): string | undefined {
  if (!isSuccess(exchange) || mimeType(exchange.response!.headers) !== "text/event-stream") return undefined;
  const event = serverSentEvents(bodyText(exchange.response), 3).find(
    (candidate) => candidate.event === "endpoint",
  );
  const data = event?.data.trim();
  if (!data || !/^(?:\/|https?:\/\/)\S{0,500}$/.test(data)) return undefined;
  return data.split("?")[0]!.slice(0, 120);
}

export const mcpServer: Check = {
  meta: {
    id: "exposure.mcp-server",
    title: "A Model Context Protocol (MCP) server answers without authentication",
    cvss: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:N",
    cwe: "CWE-306",
    references: [
      {
        title: "Model Context Protocol: Authorization",
        url: "https://modelcontextprotocol.io/specification/2025-06-18/basic/authorization",
      },
      {
        title: "Model Context Protocol: Security Best Practices",
        url: "https://modelcontextprotocol.io/specification/2025-06-18/basic/security_best_practices",
      },
      {
        title: "CWE-306: Missing Authentication for Critical Function",
        url: "https://cwe.mitre.org/data/definitions/306.html",
      },
    ],
    explanation:
      "An MCP server (the protocol AI assistants use to call tools) is reachable on your site and accepts a session from anyone, with no token. " +
      "Whatever tools it offers (reading files, querying a database, sending email, running commands) can be called by any client on the internet, not only by your assistant. We only introduced ourselves and asked for the list of tools; we called none.",
    fixes: {
      express: [
        "Require a token before the MCP transport handles anything:",
        "```js",
        "app.use('/mcp', (req, res, next) => req.headers.authorization === `Bearer ${process.env.MCP_TOKEN}` ? next() : res.status(401).end());",
        "```",
        "Better: implement the MCP authorization flow (OAuth 2.1) or bind the server to `127.0.0.1` if only a local assistant uses it.",
      ].join("\n"),
      nextjs:
        "In the Route Handler that serves MCP (`app/mcp/route.ts`), check an `Authorization` bearer token (or the MCP OAuth flow) before handing the request to the transport; return 401 otherwise.",
      fastapi: [
        "Put a dependency that checks a bearer token in front of the mounted MCP app, or run the server on stdio/localhost only:",
        "```python",
        "app.mount('/mcp', mcp_app)  # behind: app.middleware('http') that returns 401 without a valid token",
        "```",
      ].join("\n"),
      nginx: [
        "Do not expose the MCP server publicly; if you must, restrict and authenticate it:",
        "```nginx",
        "location ~ ^/(mcp|sse|messages) { allow 10.0.0.0/8; deny all; }",
        "```",
      ].join("\n"),
    },
    learn: "exposed-files#mcp-server",
    needs: [McpResponses],
  },
  analyse(artifacts) {
    const answers = artifacts.read(McpResponses);
    const drafts: FindingDraft[] = [];
    const initialize = answers.find((answer) => answer.role === "initialize");
    const init = initialize && jsonRpcResult(initialize.exchange);
    if (initialize && typeof init?.protocolVersion === "string") {
      const listing = answers.find((answer) => answer.role === "tools-list");
      const tools = listing ? jsonRpcResult(listing.exchange)?.tools : undefined;
      const names = Array.isArray(tools)
        ? tools
            .map((tool) => toolName((tool as { name?: unknown } | null)?.name))
            .filter((name) => name !== undefined)
        : undefined;
      const server = (init.serverInfo as { name?: unknown } | undefined)?.name;
      const serverName = toolName(server);
      drafts.push({
        url: initialize.exchange.request.url,
        groupKey: originOf(initialize.exchange),
        summary:
          `${pathOf(initialize.exchange)} is an MCP server${serverName ? ` ("${serverName}")` : ""} that accepted a session without authentication` +
          (names === undefined
            ? "; it did not list its tools."
            : names.length === 0
              ? " and offers no tools."
              : ` and offers ${names.length} tool${names.length === 1 ? "" : "s"}: ${names.slice(0, TOOLS_SHOWN).join(", ")}${names.length > TOOLS_SHOWN ? ", …" : ""}.`),
        evidence: [
          evidenceFrom(
            initialize.exchange,
            "`initialize` was answered with the server's capabilities, without any token.",
            {
              headers: ["content-type", "mcp-session-id"],
            },
          ),
          ...(listing && names
            ? [
                evidenceFrom(listing.exchange, "`tools/list` named the tools anyone can call.", {
                  headers: ["content-type"],
                }),
              ]
            : []),
        ],
        ...(names && names.length > 0 ? { cvss: CVSS_WITH_TOOLS } : {}),
        details: {
          transport: "streamable HTTP",
          ...(serverName ? { server: serverName } : {}),
          ...(names ? { tools: names.slice(0, TOOLS_SHOWN).join(",") } : {}),
        },
      });
    }
    for (const answer of answers.filter((candidate) => candidate.role === "sse")) {
      const endpoint = sseEndpoint(answer.exchange);
      if (!endpoint) continue;
      drafts.push({
        url: answer.exchange.request.url,
        groupKey: `${originOf(answer.exchange)}|sse`,
        summary: `${pathOf(answer.exchange)} is an MCP server's SSE transport: it handed a session endpoint (${endpoint}) to a client without authentication.`,
        evidence: [
          evidenceFrom(
            answer.exchange,
            "The stream's first event is MCP's `endpoint` event (only that event was read).",
            {
              headers: ["content-type"],
              excerpt: `event: endpoint\ndata: ${endpoint}?… (session id hidden)`,
            },
          ),
        ],
        details: { transport: "SSE", endpoint },
      });
    }
    return drafts;
  },
};
