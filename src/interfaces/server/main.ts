#!/usr/bin/env node
import { ConfigError, loadConfig, SERVER_HELP, wantsHelp } from "./config.ts";
import { openApp } from "./open-app.ts";

/**
 * `npm start`: the web app and API on http://localhost:3000 (PORT or --port to change), scans stored in
 * ./data/amihackable.db (AMIHACKABLE_DB or --db), nothing else to run. Scaled out: --db postgres://...
 * and --queue redis://... (AMIHACKABLE_QUEUE), with `amihackable worker` processes running the scans.
 * See config.ts for every setting.
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
let app;
try {
  app = await openApp({ config });
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`amihackable: ${error.message}\n`);
  process.exit(2);
}
const { url } = await app.listen();
const where =
  app.services.store.kind === "postgres" ? "PostgreSQL" : `scans stored in ${config.databasePath}`;
const queue = config.queueUrl ? `, scans queued on Redis for \`amihackable worker\` processes` : "";
process.stderr.write(`amihackable is listening on ${url} (${where}${queue})\n`);

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  process.stderr.write(
    config.queueUrl
      ? `\n${signal}: stopping; the workers go on with the queued and running scans\n`
      : `\n${signal}: stopping; running scans will resume on the next start\n`,
  );
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
