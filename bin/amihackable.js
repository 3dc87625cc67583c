#!/usr/bin/env node
// Runs the TypeScript sources directly: Node 24 strips types natively, so there is no build step.
import module from "node:module";

// Keeps compiled (type-stripped) modules between runs, in the OS temporary folder: later starts skip
// compiling the ~400 source files again.
module.enableCompileCache?.();
const { main } = await import("../src/interfaces/cli/main.ts");

process.exitCode = await main(process.argv.slice(2));
