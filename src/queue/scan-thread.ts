import { Worker } from "node:worker_threads";
import type { ProgressEvent, Report, ScanRequest } from "../engine/index.ts";

/**
 * What a scan in a worker thread may do, as data (a thread cannot share functions): the operator's
 * address allowlist and port rule, and for tests a table that stands in for DNS.
 */
export interface ThreadPolicy {
  allowAddresses: readonly string[];
  allowNonDefaultPorts: boolean;
  /** Names to addresses instead of DNS (SSRF tests); other names resolve to nothing. */
  dnsTable?: Readonly<Record<string, readonly string[]>>;
}

export type ToThread = { type: "cancel" };
export type FromThread =
  | { type: "progress"; event: ProgressEvent }
  | { type: "report"; report: Report }
  | { type: "error"; message: string };

/** After the deadline and judging's own floor, a thread that has not answered is stopped by force. */
const BACKSTOP_MS = 10_000 + 20_000;
/** How long a cancelled scan gets to hand back its partial report before its thread is stopped. */
const CANCEL_GRACE_MS = 5_000;

/**
 * Runs one scan in a worker thread, so its gathering and judging (regular expressions over megabytes of
 * hostile scripts) never hold the server's event loop: pages and event streams answer while scans run.
 * Progress comes back as messages; a cancel asks the scan to stop and hand back what it has; a thread
 * that outlives its deadline by far is terminated, and the scan fails with a sentence that says so.
 */
export function scanInThread(
  request: ScanRequest,
  policy: ThreadPolicy,
  hooks: { onProgress: (event: ProgressEvent) => void; signal: AbortSignal },
): Promise<Report> {
  return new Promise<Report>((resolve, reject) => {
    const worker = new Worker(new URL("./scan-thread-worker.ts", import.meta.url), {
      workerData: { request, policy },
    });
    let settled = false;
    const timers: NodeJS.Timeout[] = [];
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      for (const timer of timers) clearTimeout(timer);
      hooks.signal.removeEventListener("abort", cancel);
      outcome();
      void worker.terminate();
    };
    const stop = (message: string) => finish(() => reject(new Error(message)));
    const cancel = () => {
      worker.postMessage({ type: "cancel" } satisfies ToThread);
      timers.push(setTimeout(() => stop("the scan was cancelled and did not stop in time"), CANCEL_GRACE_MS));
    };
    worker.on("message", (message: FromThread) => {
      if (message.type === "progress") hooks.onProgress(message.event);
      else if (message.type === "report") finish(() => resolve(message.report));
      else stop(message.message);
    });
    worker.on("error", (error: Error) => stop(error.message));
    worker.on("exit", (code) => stop(`the scan's thread ended (code ${code}) without a report`));
    timers.push(
      setTimeout(
        () => stop("the scan ran far past its deadline and was stopped"),
        request.settings.timeoutMs + BACKSTOP_MS,
      ),
    );
    if (hooks.signal.aborted) cancel();
    else hooks.signal.addEventListener("abort", cancel, { once: true });
  });
}
