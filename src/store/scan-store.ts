import type { Report } from "../engine/index.ts";
import type { ScanRecord, ScanRequestOptions } from "./scan-record.ts";

/** A scan summary for history lists: no report body. */
export type ScanSummary = Omit<ScanRecord, "report">;

/** A list of sites scanned together: its scans in the order the list named them. */
export interface BatchRecord {
  /** 128 random bits, base64url, like a scan's. */
  id: string;
  createdAt: string;
  client: string;
  scans: ScanSummary[];
}

/**
 * Where scans live: one interface, two implementations (node:sqlite embedded, PostgreSQL when scaled out).
 * Every call is async so a networked database fits; the shared contract suite (test/store) holds both to
 * the same behaviour. The outcomes (done, failed) are final: once one is recorded, later attempts to record
 * another are ignored, so a scan retried after a worker died is recorded exactly once.
 */
export interface ScanStore {
  /** "sqlite" or "postgres", for logs and the start line. */
  readonly kind: string;
  create(
    input: { url: string; input: string; options: ScanRequestOptions; client?: string },
    now?: Date,
  ): Promise<ScanRecord>;
  /**
   * The newest scan of this URL with these options that is waiting or running, or that finished since
   * `doneSince`: asking again joins it instead of scanning the same site twice.
   */
  sameScan(url: string, options: ScanRequestOptions, doneSince: Date): Promise<ScanRecord | undefined>;
  get(id: string): Promise<ScanRecord | undefined>;
  /** Newest first. */
  historyFor(url: string, limit?: number): Promise<ScanSummary[]>;
  /**
   * The done scans of this URL that finished strictly before `finishedBefore`, the latest finish first, at
   * most `limit` (default 3), without report bodies: the candidates a report is compared with ("since the
   * last scan"). Failed and unfinished scans are never among them.
   */
  previousDone(url: string, finishedBefore: Date, limit?: number): Promise<ScanSummary[]>;
  /** Scans waiting to run, oldest first: what the queue picks up on start. */
  waiting(): Promise<ScanSummary[]>;
  /** Scans waiting (queued or interrupted), of one client or of everyone. */
  countWaiting(client?: string): Promise<number>;
  /** Starts a run: false when the scan already has its outcome (nothing to run again). */
  markRunning(id: string, now?: Date): Promise<boolean>;
  /** Records the report: true when this call recorded it, false when the scan already had an outcome. */
  markDone(id: string, report: Report, now?: Date): Promise<boolean>;
  /** Records the failure: true when this call recorded it, false when the scan already had an outcome. */
  markFailed(id: string, error: string, now?: Date): Promise<boolean>;
  /** A run was cut short (shutdown): the scan waits to run again, unless it already has its outcome. */
  markInterrupted(id: string): Promise<void>;
  /**
   * On start: scans left "running" by a stopped or crashed server become "interrupted" (to be queued
   * again), except those already tried `maxAttempts` times, which fail: a target that crashes the
   * server must not crash it on every start.
   */
  recoverInterrupted(maxAttempts: number, now?: Date): Promise<{ requeued: string[]; failed: string[] }>;
  /** Records a batch of stored scans (a scan may belong to several batches: reused scans are shared). */
  createBatch(scanIds: readonly string[], client?: string, now?: Date): Promise<BatchRecord>;
  getBatch(id: string): Promise<BatchRecord | undefined>;
  close(): Promise<void>;
}

/** The sentence a scan that stopped its runner too often fails with. */
export function tooManyAttempts(attempts: number | string): string {
  return `the server stopped during this scan ${attempts} times; it was not retried again`;
}
