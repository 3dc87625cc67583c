import { terminalSafe } from "../../reporters/index.ts";
import type { BatchSiteRecord } from "./batch-record.ts";

/** Where a batch stands, for the progress bar. */
export interface BatchCounts {
  total: number;
  done: number;
  failed: number;
  running: number;
  /** Sites finished by this run (not by the run a resume continues): the rate counts only these. */
  finishedThisRun: number;
  elapsedMs: number;
}

/** "1h02m", "3m05s", "12s". */
export function duration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h}h${String(m).padStart(2, "0")}m`;
  if (m > 0) return `${m}m${String(s).padStart(2, "0")}s`;
  return `${s}s`;
}

/** The bar's one line: a bar, counts, sites per minute and the time left at that rate. */
export function progressBarText(counts: BatchCounts, columns: number): string {
  const finished = counts.done + counts.failed;
  const minutes = counts.elapsedMs / 60_000;
  const rate = minutes > 0 ? counts.finishedThisRun / minutes : 0;
  const left = counts.total - finished;
  const eta = rate > 0 ? duration((left / rate) * 60_000) : "…";
  const stats = ` ${finished}/${counts.total} · ${counts.done} done · ${counts.failed} failed · ${counts.running} running · ${rate.toFixed(1)} sites/min · ETA ${left === 0 ? "0s" : eta}`;
  const barWidth = Math.max(10, Math.min(30, columns - stats.length - 3));
  const filled = counts.total === 0 ? barWidth : Math.round((finished / counts.total) * barWidth);
  return `[${"#".repeat(filled)}${"-".repeat(barWidth - filled)}]${stats}`.slice(
    0,
    Math.max(20, columns - 1),
  );
}

/** The plain line for one finished site, for logs and pipes (no terminal). */
export function siteLine(record: BatchSiteRecord, finished: number, total: number): string {
  const where = `[${finished}/${total}]`;
  if (record.status === "failed") return terminalSafe(`${where} failed ${record.url}: ${record.error ?? ""}`);
  const serious = [
    record.counts.critical > 0 ? `${record.counts.critical} critical` : "",
    record.counts.high > 0 ? `${record.counts.high} high` : "",
  ].filter(Boolean);
  const findings = record.findings.length;
  return terminalSafe(
    `${where} done ${record.url} grade ${record.grade ?? "?"}, ${findings} finding${findings === 1 ? "" : "s"}${serious.length > 0 ? ` (${serious.join(", ")})` : ""}`,
  );
}

export interface BatchProgress {
  started(): void;
  finished(record: BatchSiteRecord): void;
  /** Clears the bar (a terminal) so the summary starts on a clean line. */
  close(): void;
}

/**
 * Progress on stderr: on a terminal a bar redrawn in place (at most ten times a second, and each second
 * so the rate and ETA move while long scans run); otherwise one plain line per finished site.
 */
export function batchProgress(
  stream: NodeJS.WriteStream,
  start: { total: number; done: number; failed: number },
  now: () => number = Date.now,
): BatchProgress {
  const counts: BatchCounts = { ...start, running: 0, finishedThisRun: 0, elapsedMs: 0 };
  const began = now();
  const tty = stream.isTTY === true;
  let lastDraw = 0;
  const draw = (force: boolean) => {
    const at = now();
    if (!force && at - lastDraw < 100) return;
    lastDraw = at;
    counts.elapsedMs = at - began;
    stream.write(`\r\x1b[2K${progressBarText(counts, stream.columns || 80)}`);
  };
  const ticker = tty ? setInterval(() => draw(true), 1000) : undefined;
  ticker?.unref();
  if (tty) draw(true);
  return {
    started() {
      counts.running++;
      if (tty) draw(false);
    },
    finished(record) {
      counts.running = Math.max(0, counts.running - 1);
      counts.finishedThisRun++;
      if (record.status === "done") counts.done++;
      else counts.failed++;
      if (tty) draw(counts.done + counts.failed === counts.total);
      else stream.write(`${siteLine(record, counts.done + counts.failed, counts.total)}\n`);
    },
    close() {
      if (ticker) clearInterval(ticker);
      if (tty) stream.write("\r\x1b[2K");
    },
  };
}
