import type { Command } from "commander";

/**
 * `amihackable mcp`: a Model Context Protocol server on stdin/stdout for coding agents (tools scan_url,
 * explain_finding, list_checks). stdout carries the protocol only, so nothing else may print there.
 */
export function addMcpCommand(program: Command): void {
  program
    .command("mcp")
    .description("Run a Model Context Protocol server on stdio for coding agents (see the README).")
    .action(async () => {
      // Loaded on use: the SDK and the engine stay out of `--version` and the other commands.
      const { serveMcpOnStdio } = await import("../mcp/stdio.ts");
      await serveMcpOnStdio();
    });
}
