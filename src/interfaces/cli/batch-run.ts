import { HostPoliteLine } from "./batch-hosts.ts";
import type { BatchSite } from "./batch-list.ts";
import type { BatchSiteRecord } from "./batch-record.ts";

export interface BatchRunOptions {
  /** The sites still to scan (a resumed batch leaves out those its state file holds). */
  sites: readonly BatchSite[];
  /** Sites scanned at once, on different hosts. */
  concurrency: number;
  /** Scans one site; never rejects for target trouble (a failed site is a record too). */
  scanSite: (site: BatchSite, signal: AbortSignal) => Promise<BatchSiteRecord>;
  /** Called as a site's scan starts. */
  onStart?: (site: BatchSite) => void;
  /** Makes a finished site durable (the state file) and shows it; the site counts once this resolves. */
  onFinished: (record: BatchSiteRecord) => Promise<void>;
  /** Stops the batch: no new scan starts, running scans are cancelled and their sites left unfinished. */
  stop: AbortSignal;
}

export interface BatchRunResult {
  /** The sites this run finished, in the order they finished. */
  finished: BatchSiteRecord[];
  /** The batch was stopped before every site finished. */
  stopped: boolean;
}

/**
 * Runs a batch's scans, `concurrency` at a time and one at a time per host, and records each site as it
 * finishes. Knows nothing of threads, files or terminals: the caller gives the scan and the recording, so
 * the CLI and a server-side batch can share it. When stopped, a cancelled scan's partial result is
 * dropped rather than recorded: its site is not finished, and a resumed batch scans it again whole.
 */
export async function runBatch(options: BatchRunOptions): Promise<BatchRunResult> {
  const line = new HostPoliteLine(options.sites);
  const finished: BatchSiteRecord[] = [];
  const running = new Map<BatchSite, AbortController>();
  const cancelAll = () => {
    for (const controller of running.values()) controller.abort(new Error("the batch was stopped"));
  };
  options.stop.addEventListener("abort", cancelAll, { once: true });
  let failure: Error | undefined;

  await new Promise<void>((resolve) => {
    const pump = () => {
      while (!options.stop.aborted && failure === undefined && running.size < options.concurrency) {
        const site = line.take();
        if (!site) break;
        start(site);
      }
      if (running.size === 0) resolve();
    };
    const start = (site: BatchSite) => {
      const controller = new AbortController();
      running.set(site, controller);
      options.onStart?.(site);
      void (async () => {
        try {
          const record = await options.scanSite(site, controller.signal);
          if (!controller.signal.aborted) {
            await options.onFinished(record);
            finished.push(record);
          }
        } catch (error) {
          // Recording failed (a full disk): nothing more can be made durable, so the batch stops.
          failure ??= error instanceof Error ? error : new Error(String(error));
          cancelAll();
        } finally {
          running.delete(site);
          line.release(site);
          pump();
        }
      })();
    };
    pump();
  });
  options.stop.removeEventListener("abort", cancelAll);
  if (failure !== undefined) throw failure;
  return { finished, stopped: options.stop.aborted || line.waitingCount > 0 };
}
