import { type Command, InvalidArgumentError, Option } from "commander";

export interface WorkerCliOptions {
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
        // The servers' default AMIHACKABLE_QUEUE_PREFIX.
        .default("amihackable")
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
      // Loaded on use: `amihackable scan` need not load BullMQ, pg and the server.
      const { runWorker } = await import("./worker-run.ts");
      io.setExitCode(await runWorker(opts, io));
    });
}
