import { type Command, InvalidArgumentError, Option } from "commander";
import { QueueError, ScanThreads, ScanWorker, type ThreadPolicy } from "../../queue/index.ts";
import { openStore, type ScanStore, StoreError } from "../../store/index.ts";
// The server's door before the API's: the API's modules read the server's at load (as the server's own
// entry point loads them).
import { checkDatabase, checkQueue, ConfigError, DEFAULT_CONFIG, loadConfig } from "../server/index.ts";
import { scanRequestFor } from "../api/index.ts";

interface WorkerCliOptions {
  queue?: string;
  db?: string;
  concurrency: number;
  prefix: string;
  lockMs: number;
  stalledCheckMs: number;
}

function wholeNumber(name: string, min: number, max: number) {
  return (value: string) => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < min || number > max)
      throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}.`);
    return number;
  };
}

/**
 * `amihackable worker --queue redis://... --db postgres://...`: a process that runs the scans servers put
 * on the queue, each in a worker thread, as many at once as --concurrency; start as many as the machines
 * allow. The scans' address policy is the server's, from the same environment
 * (AMIHACKABLE_ALLOW_ADDRESSES, AMIHACKABLE_ALLOW_NON_DEFAULT_PORTS). SIGTERM or SIGINT drains: no new
 * scan is taken, the running ones finish and are recorded, then the process ends.
 */
export function addWorkerCommand(
  program: Command,
  io: { stderr: NodeJS.WritableStream; setExitCode: (code: number) => void },
): void {
  program
    .command("worker")
    .description("Run scans from the Redis queue of scaled-out servers (see the README's scaled mode).")
    .addOption(
      new Option("--queue <url>", "the Redis the servers queue on, redis://HOST:PORT").env(
        "AMIHACKABLE_QUEUE",
      ),
    )
    .addOption(
      new Option("--db <url>", "the servers' database, postgres://USER@HOST:PORT/DB").env("AMIHACKABLE_DB"),
    )
    .addOption(
      new Option("--concurrency <n>", "scans at once in this process (one worker thread each)")
        .argParser(wholeNumber("--concurrency", 1, 64))
        .default(2)
        .env("AMIHACKABLE_CONCURRENCY"),
    )
    .addOption(
      new Option(
        "--prefix <name>",
        "the queue's key prefix in Redis (as the servers' AMIHACKABLE_QUEUE_PREFIX)",
      )
        .default(DEFAULT_CONFIG.queuePrefix)
        .env("AMIHACKABLE_QUEUE_PREFIX"),
    )
    .addOption(
      new Option("--lock-ms <ms>", "how long a scan stays claimed by a silent worker before another takes it")
        .argParser(wholeNumber("--lock-ms", 1_000, 600_000))
        .default(30_000),
    )
    .addOption(
      new Option("--stalled-check-ms <ms>", "how often to look for scans whose worker died")
        .argParser(wholeNumber("--stalled-check-ms", 500, 600_000))
        .default(30_000),
    )
    .action(async (opts: WorkerCliOptions) => {
      io.setExitCode(await runWorker(opts, io));
    });
}

async function runWorker(opts: WorkerCliOptions, io: { stderr: NodeJS.WritableStream }): Promise<number> {
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
