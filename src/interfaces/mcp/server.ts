import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { InvalidArgumentError } from "commander";
import { z } from "zod";
import { CHECKS } from "../../checks/index.ts";
import { scoreCvss, TargetError } from "../../core/index.ts";
import { scan, scanRequest, unknownPatterns } from "../../engine/index.ts";
import { OverrideSyntaxError } from "../../http/index.ts";
import { articleMarkdown } from "../../learn/index.ts";
import { VERSION } from "../../version.ts";
import { parseHeader } from "../cli/index.ts";
import { agentReport } from "./finding-view.ts";

/*
 * The scanner as tools for a coding agent (Model Context Protocol). The agent scans what its user asks, as
 * the CLI does: the same request builder, limits and safety rules (only read-only probes, the budget and
 * the deadline), localhost included, because the user is scanning their own machine's app.
 */

const SCAN_INPUT = {
  url: z.string().min(1).describe("The site or API to scan (https:// is assumed when no scheme is given)."),
  only: z
    .array(z.string())
    .optional()
    .describe("Run only these finding ids or families (e.g. cors or cors.origin-reflected)."),
  ignore: z.array(z.string()).optional().describe("Skip these finding ids or families."),
  budget: z.number().int().min(1).max(10_000).optional().describe("Most requests to send (default 150)."),
  timeout: z.number().int().min(1).max(600).optional().describe("Scan deadline in seconds (default 60)."),
  concurrency: z
    .number()
    .int()
    .min(1)
    .max(64)
    .optional()
    .describe("Requests in flight per host (default 6)."),
  headers: z
    .array(z.string())
    .optional()
    .describe(
      'Extra request headers for authenticated scans, "Name: value"; sent only to the target\'s site.',
    ),
  cookies: z.array(z.string()).optional().describe('Cookies for authenticated scans, "name=value".'),
  resolve: z
    .array(z.string())
    .optional()
    .describe('curl-style pins "HOST:PORT:ADDRESS" (as --resolve) to scan a name at a chosen address.'),
};

function text(value: unknown, isError = false): CallToolResult {
  const body = typeof value === "string" ? value : JSON.stringify(value, null, 2);
  return { content: [{ type: "text", text: body }], ...(isError ? { isError: true } : {}) };
}

export function buildMcpServer(): McpServer {
  const server = new McpServer({ name: "amihackable", version: VERSION });

  server.registerTool(
    "scan_url",
    {
      title: "Scan a URL",
      description:
        "Scan a web site or API from outside, as an attacker would see it (read-only requests: GET, HEAD, OPTIONS). Returns the findings with evidence, the fix for the detected stack and a fix-it prompt for each.",
      inputSchema: SCAN_INPUT,
      annotations: { readOnlyHint: true, openWorldHint: true },
    },
    async (input, extra) => {
      let request;
      try {
        request = scanRequest(input.url, {
          budget: input.budget ?? 150,
          timeoutMs: (input.timeout ?? 60) * 1000,
          concurrency: input.concurrency ?? 6,
          resolve: input.resolve ?? [],
          headers: (input.headers ?? []).map(parseHeader),
          cookies: input.cookies ?? [],
          only: input.only ?? [],
          ignore: input.ignore ?? [],
        });
      } catch (error) {
        if (
          error instanceof TargetError ||
          error instanceof OverrideSyntaxError ||
          error instanceof InvalidArgumentError
        )
          return text(error.message, true);
        throw error;
      }
      const unknown = unknownPatterns(CHECKS, [...(input.only ?? []), ...(input.ignore ?? [])]);
      if (unknown.length > 0)
        return text(`Unknown check id or family: ${unknown.join(", ")} (see the list_checks tool).`, true);

      // Progress only when the client asked for it (a progress token), one notification per request sent.
      const token = extra._meta?.progressToken;
      const report = await scan(request, {
        signal: extra.signal,
        onProgress: (event) => {
          if (token === undefined || event.type !== "request") return;
          void extra
            .sendNotification({
              method: "notifications/progress",
              params: { progressToken: token, progress: event.sent, total: event.budget, message: event.url },
            })
            .catch(() => undefined);
        },
      });
      return text(agentReport(report), report.outcome === "unreachable");
    },
  );

  server.registerTool(
    "explain_finding",
    {
      title: "Explain a finding",
      description:
        "What a finding id means: why it matters, how it is scored, the fix for each stack and the Learn article's section.",
      inputSchema: { id: z.string().min(1).describe("A finding id, e.g. cors.origin-reflected.") },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ id }) => {
      const check = CHECKS.find((candidate) => candidate.meta.id === id);
      if (!check) return text(`No finding is called "${id}" (see the list_checks tool).`, true);
      const { meta } = check;
      const [slug = "", anchor] = meta.learn.split("#");
      const learn = articleMarkdown(slug, anchor);
      return text({
        id: meta.id,
        title: meta.title,
        severity: scoreCvss(meta.cvss).severity,
        cvss: meta.cvss,
        cwe: meta.cwe,
        explanation: meta.explanation,
        fixes: meta.fixes,
        references: meta.references,
        learn: learn ? { title: learn.title, text: learn.text } : undefined,
      });
    },
  );

  server.registerTool(
    "list_checks",
    {
      title: "List the checks",
      description: "Every finding id the scanner can report, with its default severity and title.",
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    () =>
      text(
        CHECKS.map(({ meta }) => ({
          id: meta.id,
          severity: scoreCvss(meta.cvss).severity,
          title: meta.title,
        })),
      ),
  );

  return server;
}
