/** The door to the CLI: what the demo reuses of it. */
export { progressLine } from "./progress-line.ts";
