#!/usr/bin/env node
import { createApp } from "./app.ts";
import { ConfigError, loadConfig, SERVER_HELP, wantsHelp } from "./config.ts";

/**
 * `npm start`: the web app and API on http://localhost:3000 (PORT or --port to change), scans stored in
 * ./data/amihackable.db (AMIHACKABLE_DB or --db), nothing else to run. See config.ts for every setting.
 */
if (wantsHelp(process.argv.slice(2))) {
  process.stdout.write(SERVER_HELP);
  process.exit(0);
}
let config;
try {
  config = loadConfig(process.env, process.argv.slice(2));
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`amihackable: ${error.message}\n`);
  process.exit(2);
}
const app = createApp({ config });
const { url } = await app.listen();
process.stderr.write(`amihackable is listening on ${url} (scans stored in ${config.databasePath})\n`);

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  process.stderr.write(`\n${signal}: stopping; running scans will resume on the next start\n`);
  app.close().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`amihackable: ${String(error)}\n`);
      process.exit(1);
    },
  );
};
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
