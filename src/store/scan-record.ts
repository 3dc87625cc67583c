import type { Report } from "../engine/index.ts";

/**
 * Where a scan is in its life. "interrupted": it was running when the server stopped; it is queued
 * again on the next start and keeps this status until it runs, so nobody's scan is silently lost.
 */
export const SCAN_STATUSES = ["queued", "running", "done", "failed", "interrupted"] as const;
export type ScanStatus = (typeof SCAN_STATUSES)[number];

/** What a stranger may choose about a scan in server mode; everything else is the operator's. */
export interface ScanRequestOptions {
  only?: string[];
  ignore?: string[];
  /** Most requests (1 to 150). */
  budget?: number;
  /** Deadline in seconds (1 to 60). */
  timeout?: number;
}

/** One stored scan: the request, its state, and the report once it is done. */
export interface ScanRecord {
  /** 128 random bits, base64url: the unguessable id in the shareable link. */
  id: string;
  /** The normalised target URL (history is kept per URL). */
  url: string;
  /** What the person typed. */
  input: string;
  options: ScanRequestOptions;
  status: ScanStatus;
  /** How many times a run started (a scan interrupted too often is failed, not retried forever). */
  attempts: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  report: Report | null;
  /** The grade, kept beside the report so history lists need not parse every report. */
  grade: string | null;
  /** Why the scan failed, in one sentence. */
  error: string | null;
  /** A one-way key of who asked for it, for fair shares of the queue ("" when unknown). */
  client: string;
}
