import "./pure-js.ts";
import { type Job, Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { ScanStore } from "../store/index.ts";
import type { LiveEvent } from "./live-scans.ts";
import { liveProgress } from "./progress-events.ts";
import {
  connectRedis,
  eventsChannel,
  QUEUE_NAME,
  type RedisQueueSettings,
  type ScanJobData,
} from "./redis-connection.ts";
import type { ScanRunner } from "./scan-queue.ts";

export interface ScanWorkerOptions extends RedisQueueSettings {
  store: ScanStore;
  /** Runs one scan (the CLI passes worker threads with the operator's address policy). */
  run: ScanRunner;
  /** Scans this process runs at once. */
  concurrency: number;
  /**
   * How long a worker's claim on a scan lasts without renewal (ms); a worker that died is noticed after
   * about this long and its scan goes to another worker. BullMQ's default is 30 s; tests shorten it.
   */
  lockMs?: number;
  /** How often this worker looks for scans whose worker died (ms); BullMQ's default is 30 s. */
  stalledCheckMs?: number;
  /** Times a scan may lose its worker before it fails instead of being retried. */
  maxStalls?: number;
  /** One line per scan started and finished (the CLI prints them; tests read them). */
  log?: (line: string) => void;
}

/**
 * A worker process's engine in the scaled mode: takes scans from the BullMQ queue, runs each (worker
 * threads, through `run`), records the outcome in the shared store and publishes live events on Redis for
 * the servers. A worker killed mid-scan loses nothing: its lock lapses, another worker's stalled-job check
 * puts the scan back, and it runs again; the store records an outcome once, so a scan finished twice
 * (a lock lapsing under a slow but living worker) is still recorded once.
 */
export class ScanWorker {
  private readonly options: ScanWorkerOptions;
  private readonly worker: Worker<ScanJobData>;
  private readonly connection: Redis;
  private closing: Promise<void> | undefined;

  private constructor(options: ScanWorkerOptions, connection: Redis) {
    this.options = options;
    this.connection = connection;
    this.worker = new Worker<ScanJobData>(QUEUE_NAME, (job) => this.process(job), {
      connection,
      prefix: options.prefix,
      concurrency: options.concurrency,
      lockDuration: options.lockMs ?? 30_000,
      stalledInterval: options.stalledCheckMs ?? 30_000,
      maxStalledCount: options.maxStalls ?? 2,
      autorun: false,
    });
    this.worker.on("error", (error) => console.error(`worker: ${error.message}`));
    // A scan whose workers kept dying is failed with a sentence, not left "running" forever.
    this.worker.on("failed", (job, error) => {
      if (!job || !/stalled/i.test(error.message)) return;
      void this.giveUp(job.data.scanId, job.attemptsStarted);
    });
  }

  /** Connects (a QueueError in one sentence when Redis is unreachable) and starts taking scans. */
  static async start(options: ScanWorkerOptions): Promise<ScanWorker> {
    const connection = await connectRedis(options);
    const worker = new ScanWorker(options, connection);
    void worker.worker.run();
    await worker.worker.waitUntilReady();
    return worker;
  }

  /**
   * Graceful stop: takes no new scan, lets the running ones finish and record their outcome, then
   * disconnects. (A scan cut short by a hard kill instead is picked up by another worker.)
   */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.worker.close();
      await this.connection.quit().catch(() => undefined);
    })();
    return this.closing;
  }

  private async process(job: Job<ScanJobData>): Promise<void> {
    const { store, run } = this.options;
    const id = job.data.scanId;
    const record = await store.get(id);
    // Gone, or already recorded by an earlier run: nothing to do, and nothing recorded twice.
    if (!record || record.status === "done" || record.status === "failed") return;
    if (!(await store.markRunning(id))) return;
    this.options.log?.(`started ${id} ${record.url}`);
    await this.publish(id, { type: "status", status: "running", position: null });
    const onProgress = liveProgress(record.options.budget ?? 150, (event) => void this.publish(id, event));
    const controller = new AbortController();
    let event: LiveEvent;
    try {
      const report = await run(record, { onProgress, signal: controller.signal });
      const recorded = await store.markDone(id, report);
      event = { type: "done", status: "done", grade: report.summary.grade, error: null };
      this.options.log?.(`finished ${id} ${recorded ? "done" : "already-recorded"}`);
    } catch (error) {
      const message = `the scan stopped on an internal error: ${error instanceof Error ? error.message : String(error)}`;
      await store.markFailed(id, message.slice(0, 500));
      event = { type: "done", status: "failed", grade: null, error: message };
      this.options.log?.(`finished ${id} failed`);
    }
    // The stored outcome is the truth (an earlier run may have recorded it): that is what watchers hear.
    const stored = await store.get(id);
    if (stored?.status === "done" || stored?.status === "failed")
      event = { type: "done", status: stored.status, grade: stored.grade, error: stored.error };
    await this.publish(id, event);
  }

  private async giveUp(id: string, attempts: number): Promise<void> {
    const error = `the workers running this scan stopped ${attempts} times; it was not retried again`;
    try {
      if (await this.options.store.markFailed(id, error))
        await this.publish(id, { type: "done", status: "failed", grade: null, error });
    } catch (failure) {
      console.error(`scan ${id}: ${String(failure)}`);
    }
  }

  private async publish(id: string, event: LiveEvent): Promise<void> {
    try {
      await this.connection.publish(eventsChannel(this.options.prefix), JSON.stringify({ id, event }));
    } catch (error) {
      // Live events are a courtesy: the store has the outcome whether or not anyone heard it.
      console.error(`scan ${id}: events: ${String(error)}`);
    }
  }
}
