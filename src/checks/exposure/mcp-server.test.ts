import assert from "node:assert/strict";
import { startMcpSite } from "../../../test/fixtures/exposure/mcp-server.ts";
import { cdnSite } from "../../../test/fixtures/sites/cdn.ts";
import { spaSite } from "../../../test/fixtures/sites/spa.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { recorded } from "../../../test/tester/recording.ts";

const calls: string[] = [];

testCheck("exposure.mcp-server", {
  vulnerable: [
    {
      name: "a recorded streamable server whose tool names are sanitised",
      site: recorded()
        .page()
        .mcp("endpoint", "/mcp", { status: 405 })
        .mcp(
          "initialize",
          "/mcp",
          {
            type: "text/event-stream",
            body: 'event: message\ndata: {"jsonrpc":"2.0","id":1,"result":{"protocolVersion":"2025-06-18","capabilities":{"tools":{}},"serverInfo":{"name":"ops"}}}\n\n',
          },
          "POST",
        )
        .mcp(
          "tools-list",
          "/mcp",
          { body: '{"jsonrpc":"2.0","id":2,"result":{"tools":[{"name":"run_shell\u202e<script>"}]}}' },
          "POST",
        ),
      expect: (finding) => assert.match(finding?.summary ?? "", /offers 1 tool: run_shellscript\./),
    },
    {
      name: "a streamable-HTTP MCP server at /mcp (the official SDK) lists its tools to anyone",
      site: { start: () => startMcpSite({ calls }) },
      expect: (finding) => {
        assert.equal(finding?.severity, "high");
        assert.match(
          finding?.summary ?? "",
          /\/mcp is an MCP server \("shop-tools"\) .* offers 2 tools: query_orders, send_email\./,
        );
        assert.deepEqual(calls, [], "no tool was called");
      },
    },
    {
      name: "an SSE transport at /sse hands out its message endpoint (only the first event is read)",
      site: { start: () => startMcpSite({ sse: true, token: undefined, calls }) },
      expect: (_finding, report) => {
        const sse = report.findings.find((finding) => finding.url.endsWith("/sse"));
        assert.match(sse?.summary ?? "", /SSE transport: it handed a session endpoint \(\/messages\)/);
        assert.ok(!JSON.stringify(sse).includes("sessionId="), "the session id is hidden");
        assert.deepEqual(calls, []);
      },
    },
  ],
  safe: [
    {
      name: "an MCP server that requires a bearer token",
      site: { start: () => startMcpSite({ token: "t0k3n-Zq8wLr2Kp0Xy", sse: true }) },
    },
    { name: "a single-page app answering index.html everywhere", site: spaSite },
    { name: "a CDN-fronted site", site: cdnSite },
    {
      name: "a JSON-RPC answer without a protocol version is not an MCP initialize result",
      site: recorded()
        .page()
        .mcp("endpoint", "/mcp", { status: 405 })
        .mcp("initialize", "/mcp", { body: '{"jsonrpc":"2.0","id":1,"result":{"ok":true}}' }, "POST"),
    },
    {
      name: "an SSE stream at /sse whose first event is not MCP's endpoint event (a news ticker)",
      site: recorded()
        .page()
        .mcp("sse", "/sse", { type: "text/event-stream", body: 'event: price\ndata: {"btc": 1}\n\n' }),
    },
  ],
});
