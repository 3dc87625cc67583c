/**
 * `npm run build` (and `prepack`): the scanner as JavaScript for the package, in dist/. Node does not strip
 * types under node_modules, so the installed command cannot run the sources as a checkout does.
 *
 * esbuild bundles our sources into three entries (the CLI, the server and the scan thread's worker) and
 * chunks they share, all side by side in dist/ so the worker is found beside the code that starts it.
 * The dependencies stay outside (imported from node_modules as usual). One bundle instead of ~300 modules
 * is what makes the start fast (`npm run bench -- startup`); the lazy imports of the CLI's commands become
 * chunks, so `--version` loads almost nothing. Files read at run time (package.json, schemas/, learn/) are
 * found from the package's folder (src/package-root.ts), wherever the code runs.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const root = new URL("../", import.meta.url).pathname;
const outArgument = process.argv.indexOf("--outdir");
const outdir = outArgument > 0 ? path.resolve(process.argv[outArgument + 1]!) : path.join(root, "dist");

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: {
    cli: "src/interfaces/cli/main.ts",
    server: "src/interfaces/server/main.ts",
    "scan-thread-worker": "src/queue/scan-thread-worker.ts",
    "batch-thread-worker": "src/interfaces/cli/batch-thread-worker.ts",
  },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  // The oldest Node the package supports (package.json engines; the bin checks it before loading this).
  target: "node22.19",
  packages: "external",
  chunkNames: "chunk-[hash]",
  logLevel: "warning",
});
