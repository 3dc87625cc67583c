import { Worker } from "node:worker_threads";
import { MIN_JUDGING_MS, type Report, type ScanRequest } from "../../engine/index.ts";

export type ToBatchThread =
  { type: "scan"; id: number; request: ScanRequest } | { type: "cancel"; id: number };
export type FromBatchThread =
  { type: "report"; id: number; report: Report } | { type: "error"; id: number; message: string };

/** After the deadline and judging's own floor, a thread with a scan that has not answered is stopped. */
const BACKSTOP_MS = MIN_JUDGING_MS + 20_000;
/** How long a cancelled scan gets to stop before its thread is stopped. */
const CANCEL_GRACE_MS = 5_000;
/**
 * The young generation of each thread's heap. V8's default lets it grow to tens of MB per thread while
 * scans allocate bodies; a smaller one collects short-lived strings sooner (bench: peak RSS about a fifth
 * lower for a few percent of throughput).
 */
const YOUNG_GENERATION_MB = 16;
/** The worker beside this file: .ts when the sources run, .js in the built package (dist/). */
const WORKER = new URL(
  `./batch-thread-worker${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`,
  import.meta.url,
);

interface Pending {
  resolve: (report: Report) => void;
  reject: (error: Error) => void;
  timers: NodeJS.Timeout[];
}

interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
}

/**
 * The batch's scans, off the main thread: a few worker threads (each loads the scanner once, some tens of
 * MB) each running several scans at once, so a batch of 8 or 16 at a time stays within a few hundred MB.
 * The main thread (progress, state file, signals) never runs a scan, so a CPU-hostile site cannot stall
 * the batch; it can slow the scans that share its thread, for as long as its judging is allowed to run.
 * A thread whose scan outlives its deadline by far is terminated: its scans fail with a sentence saying
 * so, and the next scan gets a fresh thread. (The server's ScanThreads runs one scan per thread: a
 * public server isolates clients; a batch belongs to one user and weighs memory higher.)
 */
export class BatchThreads {
  private readonly threads: Thread[] = [];
  private readonly size: number;
  private nextId = 1;

  constructor(threads: number) {
    this.size = Math.max(1, threads);
  }

  run(request: ScanRequest, signal: AbortSignal): Promise<Report> {
    const thread = this.pick();
    const id = this.nextId++;
    return new Promise<Report>((resolve, reject) => {
      const pending: Pending = { resolve, reject, timers: [] };
      thread.pending.set(id, pending);
      const cancel = () => {
        thread.worker.postMessage({ type: "cancel", id } satisfies ToBatchThread);
        pending.timers.push(
          setTimeout(
            () => this.fail(thread, "the scan was cancelled and did not stop in time"),
            CANCEL_GRACE_MS,
          ),
        );
      };
      pending.timers.push(
        setTimeout(
          () => this.fail(thread, "the scan ran far past its deadline and was stopped"),
          request.settings.timeoutMs + BACKSTOP_MS,
        ),
      );
      thread.worker.postMessage({ type: "scan", id, request } satisfies ToBatchThread);
      if (signal.aborted) cancel();
      else signal.addEventListener("abort", cancel, { once: true });
    });
  }

  /** The thread with the fewest scans, or a new one while there are fewer than `size`. */
  private pick(): Thread {
    const least = this.threads.reduce<Thread | undefined>(
      (best, thread) => (best && best.pending.size <= thread.pending.size ? best : thread),
      undefined,
    );
    if (least && (least.pending.size === 0 || this.threads.length >= this.size)) return least;
    const worker = new Worker(WORKER, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    const thread: Thread = { worker, pending: new Map() };
    worker.on("message", (message: FromBatchThread) => {
      const pending = thread.pending.get(message.id);
      if (!pending) return;
      thread.pending.delete(message.id);
      for (const timer of pending.timers) clearTimeout(timer);
      if (message.type === "report") pending.resolve(message.report);
      else pending.reject(new Error(message.message));
    });
    worker.on("error", (error: Error) => this.fail(thread, error.message));
    worker.on("exit", (code) => this.fail(thread, `the scan's thread ended (code ${code}) without a report`));
    this.threads.push(thread);
    return thread;
  }

  /** Ends a thread and fails every scan it held with the sentence. */
  private fail(thread: Thread, message: string): void {
    const index = this.threads.indexOf(thread);
    if (index < 0) return;
    this.threads.splice(index, 1);
    for (const pending of thread.pending.values()) {
      for (const timer of pending.timers) clearTimeout(timer);
      pending.reject(new Error(message));
    }
    thread.pending.clear();
    void thread.worker.terminate();
  }

  /** Ends every thread; call once no scan is running. */
  async close(): Promise<void> {
    const threads = this.threads.splice(0);
    await Promise.all(threads.map((thread) => thread.worker.terminate()));
  }
}
