import type { LiveScans } from "./live-scans.ts";

/**
 * What the server asks of a queue, embedded (ScanQueue: in this process, on worker threads) or scaled
 * (RedisScanLine: BullMQ on Redis, run by worker processes). The store is the truth about each scan;
 * the line holds the order and carries the live events to the people watching.
 */
export interface ScanLine {
  /** Live state and events of the scans in flight, for the pages and event streams of this server. */
  readonly live: LiveScans;
  /** "embedded" or "redis", for the start line. */
  readonly kind: string;
  /** Scans waiting in line (as far as this server knows). */
  readonly waitingCount: number;
  /** 1-based place in the order the waiting scans will start, or null when not waiting or not known. */
  position(id: string): Promise<number | null>;
  /** No room for another waiting scan. */
  isFull(): Promise<boolean>;
  /** This client already has as many scans waiting as one client may. */
  isFullFor(client: string): Promise<boolean>;
  /** Puts a stored scan in line; answers its place. */
  enqueue(id: string, client: string): Promise<number>;
  /** On start: picks up what was waiting when the last server stopped. */
  recover(): Promise<{ requeued: string[]; failed: string[] }>;
  /** Resolves when the scans this server put in line have ended (tests and benchmarks). */
  idle(): Promise<void>;
  /** Stops taking work; the embedded queue interrupts its scans, the scaled one leaves them to workers. */
  shutdown(): Promise<void>;
}
