import "./pure-js.ts";
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { ScanStore } from "../store/index.ts";
import { type LiveEvent, LiveScans } from "./live-scans.ts";
import {
  connectRedis,
  eventsChannel,
  jobIdFor,
  QUEUE_NAME,
  type RedisQueueSettings,
  type ScanJobData,
} from "./redis-connection.ts";
import type { ScanLine } from "./scan-line.ts";

/** BullMQ's highest priority number: a client's thousandth waiting scan is not ranked further back. */
const LOWEST_PRIORITY = 2_097_152;

export interface RedisScanLineOptions extends RedisQueueSettings {
  store: ScanStore;
  /** Scans allowed to wait in all (counted in the shared store). */
  maxWaiting: number;
  /** Scans one client may have waiting (counted in the shared store). */
  maxWaitingPerClient: number;
}

/**
 * The scaled queue, server side: scans go on a BullMQ queue in Redis, worker processes run them
 * (src/queue/scan-worker.ts) and publish their live events on a Redis channel that every server reads,
 * so the server holding someone's event stream hears a scan another machine runs.
 *
 * Fair share, as far as BullMQ's open-source queue allows: a scan's priority is its place among its
 * client's waiting scans (first scans of every client before anyone's second), and the waiting caps are
 * counted in the shared store, so they hold across servers. Unlike the embedded line, a client's share
 * of the *running* slots is not capped. Places are re-read from BullMQ and told to the watchers whenever
 * a scan starts anywhere.
 */
export class RedisScanLine implements ScanLine {
  readonly kind = "redis";
  readonly live = new LiveScans();
  private readonly options: RedisScanLineOptions;
  private readonly queue: Queue<ScanJobData>;
  private readonly connection: Redis;
  private readonly subscriber: Redis;
  /** Scans this server put in line and has not heard the end of (idle() waits for them). */
  private readonly pending = new Set<string>();
  private idleWaiters: Array<() => void> = [];
  /** A re-announcement of places is running / another is due after it (one at a time, coalesced). */
  private announcing = false;
  private announceAgain = false;

  private constructor(options: RedisScanLineOptions, connection: Redis, subscriber: Redis) {
    this.options = options;
    this.connection = connection;
    this.subscriber = subscriber;
    this.queue = new Queue<ScanJobData>(QUEUE_NAME, { connection, prefix: options.prefix });
    this.queue.on("error", (error) => console.error(`queue: ${error.message}`));
  }

  /** Connects (a QueueError in one sentence when Redis is unreachable) and starts hearing live events. */
  static async open(options: RedisScanLineOptions): Promise<RedisScanLine> {
    const connection = await connectRedis(options);
    const subscriber = connection.duplicate();
    subscriber.on("error", (error: Error) => console.error(`Redis events: ${error.message}`));
    const line = new RedisScanLine(options, connection, subscriber);
    subscriber.on("message", (_channel: string, message: string) => line.hear(message));
    await subscriber.subscribe(eventsChannel(options.prefix));
    return line;
  }

  get waitingCount(): number {
    let count = 0;
    for (const id of this.pending) if (this.live.get(id)?.status !== "running") count++;
    return count;
  }

  /** The place in BullMQ's own order: the rank in its prioritized set, which is the order workers take. */
  async position(id: string): Promise<number | null> {
    const rank = await this.connection.zrank(this.queue.keys.prioritized!, jobIdFor(id));
    return rank === null ? null : rank + 1;
  }

  async isFull(): Promise<boolean> {
    return (await this.options.store.countWaiting()) >= this.options.maxWaiting;
  }

  async isFullFor(client: string): Promise<boolean> {
    return (await this.options.store.countWaiting(client)) >= this.options.maxWaitingPerClient;
  }

  async enqueue(id: string, client: string): Promise<number> {
    // The store already counts this scan among the client's waiting ones: 1 for its first.
    const rank = await this.options.store.countWaiting(client);
    await this.add(id, Math.min(Math.max(1, rank), LOWEST_PRIORITY));
    const position = await this.position(id);
    if (this.live.get(id) === undefined)
      this.live.publish(id, { type: "status", status: "queued", position });
    return position ?? 0;
  }

  /**
   * Puts the stored waiting scans back on the queue (a server that died between storing a scan and
   * queueing it loses nothing); a scan still on the queue is not added twice. Scans running on workers
   * are the workers' business (BullMQ's stalled-job check), not requeued here.
   */
  async recover(): Promise<{ requeued: string[]; failed: string[] }> {
    const requeued: string[] = [];
    for (const scan of await this.options.store.waiting()) {
      await this.queue.add("scan", { scanId: scan.id }, this.jobOptions(scan.id, 1));
      requeued.push(scan.id);
    }
    return { requeued, failed: [] };
  }

  idle(): Promise<void> {
    if (this.pending.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** The scans stay on the queue for the workers; this server only stops listening. */
  async shutdown(): Promise<void> {
    await this.queue.close();
    await this.subscriber.quit().catch(() => undefined);
    await this.connection.quit().catch(() => undefined);
  }

  private async add(id: string, priority: number): Promise<void> {
    this.pending.add(id);
    await this.queue.add("scan", { scanId: id }, this.jobOptions(id, priority));
  }

  private jobOptions(id: string, priority: number) {
    return {
      jobId: jobIdFor(id),
      priority,
      // A store outage while recording is retried; a scan's own failure is recorded, not thrown.
      attempts: 3,
      backoff: { type: "exponential", delay: 1_000 },
      removeOnComplete: { count: 10_000 },
      removeOnFail: { count: 10_000 },
    };
  }

  /** Tells the watchers of this server's waiting scans their new place (read from BullMQ). */
  private async announcePositions(): Promise<void> {
    if (this.announcing) {
      this.announceAgain = true;
      return;
    }
    this.announcing = true;
    try {
      do {
        this.announceAgain = false;
        for (const id of this.pending) {
          const live = this.live.get(id);
          if (live?.status !== "queued") continue;
          const position = await this.position(id);
          // It may have started while BullMQ answered: a late "queued" must not follow "running".
          if (this.live.get(id)?.status !== "queued") continue;
          if (position !== null && position !== live.position)
            this.live.publish(id, { type: "status", status: "queued", position });
        }
      } while (this.announceAgain);
    } catch (error) {
      console.error(`queue positions: ${String(error)}`);
    } finally {
      this.announcing = false;
    }
  }

  private hear(message: string): void {
    let parsed: { id: string; event: LiveEvent };
    try {
      parsed = JSON.parse(message) as { id: string; event: LiveEvent };
    } catch {
      return;
    }
    if (typeof parsed.id !== "string" || typeof parsed.event?.type !== "string") return;
    this.live.publish(parsed.id, parsed.event);
    // A scan left the line: the scans this server's visitors wait on moved up.
    if (parsed.event.type === "status" && parsed.event.status === "running") void this.announcePositions();
    if (parsed.event.type === "done" && this.pending.delete(parsed.id) && this.pending.size === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }
}
