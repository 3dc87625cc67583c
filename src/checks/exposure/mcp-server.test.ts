import assert from "node:assert/strict";
import { MCP_PROBE } from "../../artifacts/index.ts";
import { startMcpSite } from "../../../test/fixtures/exposure/mcp-server.ts";
import { cdnSite } from "../../../test/fixtures/sites/cdn.ts";
import { spaSite } from "../../../test/fixtures/sites/spa.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { recorded } from "../../../test/tester/recording.ts";

const calls: string[] = [];

testCheck("exposure.mcp-server", {
  vulnerable: [
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
        .exchange(
          MCP_PROBE,
          { role: "initialize" },
          "/mcp",
          { type: "application/json", body: '{"jsonrpc":"2.0","id":1,"result":{"ok":true}}' },
          "POST",
        ),
    },
  ],
});
