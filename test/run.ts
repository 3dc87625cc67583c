/**
 * `npm test`. The tests beside the code (src/**) are unit and check tests: they run one after another in a
 * single process, which spares each of their ~90 files a process of its own and the ~0.4 s of loading the
 * scanner again (they must leave no global state behind). The integration tests (test/**) start servers,
 * child processes and a browser, and measure memory and time: each file keeps a process of its own.
 * Node's compile cache lets all these processes compile the sources once between them.
 */
import { spawnSync } from "node:child_process";

const env = {
  ...process.env,
  NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE ?? "node_modules/.cache/node-compile",
};
const common = ["--test", "--test-timeout=120000"];
const runs = [
  [...common, "--test-isolation=none", "src/**/*.test.ts"],
  [...common, "--test-concurrency=2", "test/**/*.test.ts"],
];

let failed = false;
for (const args of runs) {
  const result = spawnSync(process.execPath, args, { stdio: "inherit", env });
  if (result.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
