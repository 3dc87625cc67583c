import { Worker } from "node:worker_threads";
import { MIN_JUDGING_MS, type ProgressEvent, type Report, type ScanRequest } from "../engine/index.ts";
import type { DnsServerAddress } from "../http/index.ts";

/**
 * What a scan in a worker thread may do, as data (a thread cannot share functions): the operator's
 * address allowlist and port rule, and for tests a table that stands in for DNS.
 */
export interface ThreadPolicy {
  allowAddresses: readonly string[];
  allowNonDefaultPorts: boolean;
  /** The operator's DNS server for every question of every scan (a request's own is never used here). */
  dnsServer?: DnsServerAddress | null;
  /** Names to addresses instead of DNS (SSRF tests); other names resolve to nothing. */
  dnsTable?: Readonly<Record<string, readonly string[]>>;
}

export type ToThread = { type: "scan"; request: ScanRequest; policy: ThreadPolicy } | { type: "cancel" };
export type FromThread =
  | { type: "progress"; event: ProgressEvent }
  | { type: "report"; report: Report }
  | { type: "error"; message: string };

/** After the deadline and judging's own floor, a thread that has not answered is stopped by force. */
const BACKSTOP_MS = MIN_JUDGING_MS + 20_000;
/** How long a cancelled scan gets to hand back its partial report before its thread is stopped. */
const CANCEL_GRACE_MS = 5_000;
/** The worker beside this file: .ts when the sources run, .js in the built package (dist/). */
const WORKER = new URL(
  `./scan-thread-worker${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`,
  import.meta.url,
);

/**
 * Runs scans in worker threads, one scan per thread at a time, so their gathering and judging (regular
 * expressions over megabytes of hostile scripts) never hold the server's event loop: pages and event
 * streams answer while scans run. A thread that finished a scan waits for the next, so only the first
 * scan pays for loading the scanner into it. A cancel asks the scan to stop and hand back what it has; a
 * thread that outlives its deadline by far is terminated, and its scan fails with a sentence saying so.
 */
export class ScanThreads {
  private readonly idle: Worker[] = [];
  private readonly busy = new Set<Worker>();
  private closed = false;

  run(
    request: ScanRequest,
    policy: ThreadPolicy,
    hooks: { onProgress: (event: ProgressEvent) => void; signal: AbortSignal },
  ): Promise<Report> {
    if (this.closed) return Promise.reject(new Error("the scan threads are closed"));
    const worker = this.idle.pop() ?? new Worker(WORKER);
    worker.ref();
    this.busy.add(worker);
    return new Promise<Report>((resolve, reject) => {
      let settled = false;
      const timers: NodeJS.Timeout[] = [];
      const finish = (reusable: boolean, outcome: () => void) => {
        if (settled) return;
        settled = true;
        for (const timer of timers) clearTimeout(timer);
        hooks.signal.removeEventListener("abort", cancel);
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
        this.busy.delete(worker);
        if (reusable && !this.closed) {
          // A waiting thread must not keep the process alive on its own.
          worker.unref();
          this.idle.push(worker);
        } else void worker.terminate();
        outcome();
      };
      const stop = (message: string) => finish(false, () => reject(new Error(message)));
      const cancel = () => {
        worker.postMessage({ type: "cancel" } satisfies ToThread);
        timers.push(
          setTimeout(() => stop("the scan was cancelled and did not stop in time"), CANCEL_GRACE_MS),
        );
      };
      const onMessage = (message: FromThread) => {
        if (message.type === "progress") hooks.onProgress(message.event);
        else if (message.type === "report") finish(true, () => resolve(message.report));
        else finish(true, () => reject(new Error(message.message)));
      };
      const onError = (error: Error) => stop(error.message);
      const onExit = (code: number) => stop(`the scan's thread ended (code ${code}) without a report`);
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      timers.push(
        setTimeout(
          () => stop("the scan ran far past its deadline and was stopped"),
          request.settings.timeoutMs + BACKSTOP_MS,
        ),
      );
      worker.postMessage({ type: "scan", request, policy } satisfies ToThread);
      if (hooks.signal.aborted) cancel();
      else hooks.signal.addEventListener("abort", cancel, { once: true });
    });
  }

  /** Threads alive, waiting or scanning. */
  get size(): number {
    return this.idle.length + this.busy.size;
  }

  /** Ends the idle threads; busy ones end when their scan does (the queue cancels them first). */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.idle.splice(0).map((worker) => worker.terminate()));
  }
}
