/** The door to the CLI: what the demo and the MCP server reuse of it. */
export { progressLine } from "./progress-line.ts";
export { parseHeader } from "./option-parsers.ts";
