/**
 * Runs the amihackable CLI with the given arguments, then writes the process's peak resident set size
 * (in KiB, worker threads included: they share the process) to the file named by AMIHACKABLE_MAX_RSS_FILE.
 * The batch bench starts the CLI through this to read the child's own peak, which a parent cannot see.
 */
import { writeFileSync } from "node:fs";
import { main } from "../../src/interfaces/cli/main.ts";

const code = await main(process.argv.slice(2));
const file = process.env.AMIHACKABLE_MAX_RSS_FILE;
if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
process.exitCode = code;
