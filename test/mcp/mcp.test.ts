import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { handleDemoRequest } from "../../src/interfaces/demo/vulnerable-site.ts";
import { startServer, type TestServer } from "../support/server.ts";

const bin = new URL("../../bin/amihackable.js", import.meta.url).pathname;

function textOf(result: unknown): string {
  const content = (result as CallToolResult).content[0];
  assert.equal(content?.type, "text");
  return content.type === "text" ? content.text : "";
}

/** The real `amihackable mcp` in a child process, driven by the SDK's own client as an agent would. */
describe("amihackable mcp", () => {
  let site: TestServer;
  let client: Client;
  before(async () => {
    site = await startServer(handleDemoRequest);
    client = new Client({ name: "test-agent", version: "1.0.0" });
    await client.connect(
      new StdioClientTransport({ command: process.execPath, args: [bin, "mcp"], stderr: "pipe" }),
    );
  });
  after(async () => {
    await client.close();
    await site.close();
  });

  it("lists its three tools with input schemas", async () => {
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((tool) => tool.name).sort(), ["explain_finding", "list_checks", "scan_url"]);
    const scanTool = tools.find((tool) => tool.name === "scan_url");
    assert.ok(scanTool?.inputSchema.properties?.["url"]);
    assert.deepEqual(scanTool.inputSchema.required, ["url"]);
  });

  it("scans a loopback site and returns findings with evidence, a fix and the fix-it prompt", async () => {
    const progress: number[] = [];
    const result = await client.callTool(
      {
        name: "scan_url",
        arguments: {
          url: `http://shop.demo.test:${site.port}/`,
          resolve: [`shop.demo.test:${site.port}:127.0.0.1`, "shop.demo.test:*:127.0.0.1"],
          only: ["cors"],
          budget: 40,
          timeout: 60,
        },
      },
      undefined,
      { onprogress: (event) => progress.push(event.progress), timeout: 120_000 },
    );
    assert.notEqual(result.isError, true, textOf(result));
    const report = JSON.parse(textOf(result)) as {
      outcome: string;
      findings: {
        id: string;
        evidence: { note: string }[];
        fix?: { stack: string; text: string };
        aiPrompt: string;
      }[];
    };
    assert.ok(site.seen.length > 0, "the scan reached the loopback site");
    const reflected = report.findings.find((finding) => finding.id === "cors.origin-reflected");
    assert.ok(reflected, `findings: ${report.findings.map((finding) => finding.id).join(", ")}`);
    assert.ok(reflected.evidence.length > 0);
    assert.ok(reflected.fix && reflected.fix.text.length > 0);
    assert.match(reflected.aiPrompt, /cors\.origin-reflected/);
    assert.ok(
      report.findings.every((finding) => finding.id.startsWith("cors.")),
      "only the asked family ran",
    );
    assert.ok(progress.length > 0, "progress notifications arrived");
  });

  it("refuses an unknown check family without scanning", async () => {
    const seen = site.seen.length;
    const result = await client.callTool({
      name: "scan_url",
      arguments: { url: site.url, only: ["no-such-family"] },
    });
    assert.equal(result.isError, true);
    assert.match(textOf(result), /no-such-family/);
    assert.equal(site.seen.length, seen);
  });

  it("explains a finding id with its fixes and its Learn text", async () => {
    const result = await client.callTool({
      name: "explain_finding",
      arguments: { id: "cors.origin-reflected" },
    });
    const explained = JSON.parse(textOf(result)) as {
      fixes: Record<string, string>;
      learn?: { text: string };
      explanation: string;
    };
    assert.ok(explained.fixes["express"] && explained.fixes["nginx"]);
    assert.ok(explained.explanation.length > 0);
    assert.match(explained.learn?.text ?? "", /\S/);
    const unknown = await client.callTool({ name: "explain_finding", arguments: { id: "nope.nothing" } });
    assert.equal(unknown.isError, true);
  });

  it("lists the checks with their severity", async () => {
    const checks = JSON.parse(textOf(await client.callTool({ name: "list_checks", arguments: {} }))) as {
      id: string;
      severity: string;
    }[];
    const reflected = checks.find((check) => check.id === "cors.origin-reflected");
    assert.ok(reflected && ["low", "medium", "high", "critical", "info"].includes(reflected.severity));
  });
});
