import { QueueError, ScanThreads, ScanWorker, type ThreadPolicy } from "../../queue/index.ts";
import { openStore, type ScanStore, StoreError } from "../../store/index.ts";
// The server's door before the API's: the API's modules read the server's at load (as the server's own
// entry point loads them).
import { checkDatabase, checkQueue, ConfigError, loadConfig } from "../server/index.ts";
import { scanRequestFor } from "../api/index.ts";
import type { WorkerCliOptions } from "./worker-command.ts";

/** The worker's life: connect, take scans until SIGTERM or SIGINT, drain, disconnect (exit code). */
export async function runWorker(
  opts: WorkerCliOptions,
  io: { stderr: NodeJS.WritableStream },
): Promise<number> {
  const say = (line: string) => io.stderr.write(`${line}\n`);
  let store: ScanStore | undefined;
  try {
    if (!opts.queue)
      throw new ConfigError("the worker needs --queue redis://HOST:PORT (or AMIHACKABLE_QUEUE)");
    if (!opts.db)
      throw new ConfigError(
        "the worker needs --db postgres://USER@HOST:PORT/DB (or AMIHACKABLE_DB), the servers' database",
      );
    const queue = checkQueue(opts.queue);
    const config = loadConfig(process.env, []);
    store = await openStore(checkDatabase(opts.db), { connectTimeoutMs: 5_000 });
    const policy: ThreadPolicy = {
      allowAddresses: config.allowAddresses,
      allowNonDefaultPorts: config.allowNonDefaultPorts,
    };
    const threads = new ScanThreads();
    const worker = await ScanWorker.start({
      url: queue,
      prefix: opts.prefix,
      connectTimeoutMs: 5_000,
      store,
      concurrency: opts.concurrency,
      lockMs: opts.lockMs,
      stalledCheckMs: opts.stalledCheckMs,
      run: (record, hooks) => threads.run(scanRequestFor(record), policy, hooks),
      log: say,
    });
    say(
      `amihackable worker ${process.pid} is taking scans (${opts.concurrency} at once, ${store.kind} store)`,
    );
    const signal = await new Promise<string>((resolve) => {
      process.once("SIGTERM", () => resolve("SIGTERM"));
      process.once("SIGINT", () => resolve("SIGINT"));
    });
    say(`${signal}: finishing the running scans, taking no new ones`);
    await worker.close();
    await threads.close();
    await store.close();
    say("worker stopped");
    return 0;
  } catch (error) {
    await store?.close().catch(() => undefined);
    if (error instanceof ConfigError || error instanceof StoreError || error instanceof QueueError) {
      say(`amihackable: ${error.message}`);
      return 2;
    }
    throw error;
  }
}
