import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { buildMcpServer } from "./server.ts";

/** Serves until the client closes stdin: the process then ends on its own, as agents expect. */
export async function serveMcpOnStdio(): Promise<void> {
  const server = buildMcpServer();
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = () => resolve();
  });
  await server.connect(new StdioServerTransport());
  process.stdin.once("end", () => void server.close());
  await closed;
}
