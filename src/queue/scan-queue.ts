import type { ProgressEvent, Report } from "../engine/index.ts";
import type { ScanStore, ScanRecord } from "../store/index.ts";
import { FairLine } from "./fair-line.ts";
import type { ScanLine } from "./scan-line.ts";
import { LiveScans } from "./live-scans.ts";
import { liveProgress } from "./progress-events.ts";

/** Runs one scan; the server passes the engine with its SSRF guard, tests pass stand-ins. */
export type ScanRunner = (
  scan: Pick<ScanRecord, "id" | "url" | "input" | "options">,
  hooks: { onProgress: (event: ProgressEvent) => void; signal: AbortSignal },
) => Promise<Report>;

export interface ScanQueueOptions {
  store: ScanStore;
  run: ScanRunner;
  /** Scans running at once. */
  concurrency: number;
  /** Scans allowed to wait; past this, new scans are refused (the API answers 503). */
  maxWaiting: number;
  /** Scans one client may have waiting; past this, that client's new scans are refused (429). */
  maxWaitingPerClient?: number;
  /** Runs a scan may start before a restart gives up on it. */
  maxAttempts: number;
  /** Start paused (benchmarks measure acceptance alone); `resume()` starts the work. */
  paused?: boolean;
}

/**
 * The in-process queue: scan ids waiting in a fair line (one lane per client, served in turn) with a cap
 * on scans running at once. The store is the truth
 * (status, report); the queue holds only the order, so a restart rebuilds it from the store.
 */
export class ScanQueue implements ScanLine {
  readonly kind = "embedded";
  readonly live = new LiveScans();
  private readonly options: ScanQueueOptions;
  private readonly line = new FairLine();
  private readonly running = new Map<
    string,
    { controller: AbortController; done: Promise<void>; client: string }
  >();
  private paused: boolean;
  private closing = false;
  private idleWaiters: Array<() => void> = [];

  constructor(options: ScanQueueOptions) {
    this.options = options;
    this.paused = options.paused ?? false;
  }

  get waitingCount(): number {
    return this.line.size;
  }

  get runningCount(): number {
    return this.running.size;
  }

  async isFull(): Promise<boolean> {
    return this.line.size >= this.options.maxWaiting;
  }

  /** This client already has as many scans waiting as one client may. */
  async isFullFor(client: string): Promise<boolean> {
    return this.line.waitingFor(client) >= (this.options.maxWaitingPerClient ?? Infinity);
  }

  async position(id: string): Promise<number | null> {
    return this.placeOf(id);
  }

  /** 1-based place in the order the waiting scans will start, or null when the scan is not waiting. */
  private placeOf(id: string): number | null {
    if (!this.line.has(id)) return null;
    const index = this.line.order().indexOf(id);
    return index === -1 ? null : index + 1;
  }

  /** Queues the stored scans that were waiting or cut short when the server last stopped. */
  async recover(): Promise<{ requeued: string[]; failed: string[] }> {
    const recovered = await this.options.store.recoverInterrupted(this.options.maxAttempts);
    for (const scan of await this.options.store.waiting())
      this.add(scan.id, scan.client, scan.status === "interrupted" ? "interrupted" : "queued");
    this.pump();
    return recovered;
  }

  async enqueue(id: string, client = ""): Promise<number> {
    if (this.closing) throw new Error("the queue is shutting down");
    this.add(id, client, "queued");
    this.pump();
    return this.placeOf(id) ?? 0;
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.pump();
  }

  /** Resolves when nothing runs and nothing waits (tests and benchmarks). */
  idle(): Promise<void> {
    if (this.running.size === 0 && (this.line.size === 0 || this.paused)) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Stops taking work and cancels the scans in flight; they are stored as "interrupted" (not done with
   * a partial report) and run again on the next start.
   */
  async shutdown(): Promise<void> {
    this.closing = true;
    this.paused = true;
    for (const { controller } of this.running.values()) controller.abort(new Error("server shutting down"));
    await Promise.all([...this.running.values()].map((entry) => entry.done));
  }

  private add(id: string, client: string, status: "queued" | "interrupted"): void {
    if (this.line.has(id) || this.running.has(id)) return;
    this.line.add(id, client);
    this.live.publish(id, { type: "status", status, position: this.placeOf(id) });
    // A new client's scan can start ahead of scans already waiting: everyone hears their new place.
    this.announcePositions();
  }

  private pump(): void {
    let moved = false;
    while (!this.paused && this.running.size < this.options.concurrency && this.line.size > 0) {
      const runningPerClient = new Map<string, number>();
      for (const { client } of this.running.values())
        runningPerClient.set(client, (runningPerClient.get(client) ?? 0) + 1);
      const next = this.line.next(runningPerClient, this.options.concurrency);
      if (!next) break;
      moved = true;
      this.start(next.id, next.client);
    }
    if (moved) this.announcePositions();
    this.notifyIdle();
  }

  private announcePositions(): void {
    this.line.order().forEach((id, index) => {
      const status = this.live.get(id)?.status ?? "queued";
      this.live.publish(id, { type: "status", status, position: index + 1 });
    });
  }

  /** Takes the slot at once (the count stays true while the store answers), then runs the scan. */
  private start(id: string, client: string): void {
    const controller = new AbortController();
    this.live.publish(id, { type: "status", status: "running", position: null });
    const done = this.execute(id, controller.signal)
      // The store itself failing (disk full, closed) must not become an unhandled rejection.
      .catch((error: unknown) => console.error(`scan ${id}: ${String(error)}`))
      .finally(() => {
        this.running.delete(id);
        this.pump();
      });
    this.running.set(id, { controller, done, client });
  }

  private async execute(id: string, signal: AbortSignal): Promise<void> {
    const { store } = this.options;
    const record = await store.get(id);
    if (!record || !(await store.markRunning(id))) {
      // Gone, or its outcome is already recorded: nothing to run; watchers hear how it ended.
      this.live.publish(id, {
        type: "done",
        status: record?.status === "failed" ? "failed" : "done",
        grade: record?.grade ?? null,
        error: record?.error ?? null,
      });
      return;
    }
    const onProgress = liveProgress(record.options.budget ?? 150, (event) =>
      this.live.publish(record.id, event),
    );
    const interrupted = async () => {
      await store.markInterrupted(record.id);
      this.live.publish(record.id, { type: "done", status: "interrupted", grade: null, error: null });
    };
    try {
      const report = await this.options.run(record, { onProgress, signal });
      // Cancelled by a shutdown: the partial report is not the answer; the scan runs again on start.
      if (this.closing && signal.aborted) return interrupted();
      await store.markDone(record.id, report);
      this.live.publish(record.id, {
        type: "done",
        status: "done",
        grade: report.summary.grade,
        error: null,
      });
    } catch (error) {
      if (this.closing && signal.aborted) return interrupted();
      const message = `the scan stopped on an internal error: ${error instanceof Error ? error.message : String(error)}`;
      await store.markFailed(record.id, message.slice(0, 500));
      this.live.publish(record.id, { type: "done", status: "failed", grade: null, error: message });
    }
  }

  private notifyIdle(): void {
    if (this.running.size > 0 || (this.line.size > 0 && !this.paused)) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
