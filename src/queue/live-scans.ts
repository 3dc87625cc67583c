import type { Severity } from "../core/index.ts";
import type { ScanStatus } from "../store/index.ts";

/** What the live view and the server-sent events stream say about a scan while it waits and runs. */
export type LiveEvent =
  | { type: "status"; status: ScanStatus; position: number | null }
  | {
      type: "progress";
      /** The probe family running now (the latest one started), e.g. "cors". */
      probe: string | null;
      title: string | null;
      sent: number;
      budget: number;
      message: string | null;
      /** Probe families started and finished so far, in order. */
      started: string[];
      finished: string[];
    }
  | { type: "finding"; id: string; title: string; severity: Severity; url: string }
  | { type: "done"; status: "done" | "failed" | "interrupted"; grade: string | null; error: string | null };

export type ProgressSnapshot = Extract<LiveEvent, { type: "progress" }>;
export type FindingSnapshot = Extract<LiveEvent, { type: "finding" }>;

/** The state of one scan in memory, from enqueue to done: enough to replay to a late subscriber. */
export interface LiveScan {
  status: ScanStatus;
  position: number | null;
  progress: ProgressSnapshot | null;
  findings: FindingSnapshot[];
}

type Listener = (event: LiveEvent) => void;

/** Findings kept for replay; the report has them all. */
const MAX_REPLAYED_FINDINGS = 200;

/**
 * The in-process hub between the queue and the people watching: the queue publishes, the SSE endpoint
 * and the progress page read. A subscriber that arrives late first gets a snapshot, then live events.
 * A scan's state is dropped when it ends: from then on the store has the answer.
 */
export class LiveScans {
  private readonly scans = new Map<string, LiveScan>();
  private readonly listeners = new Map<string, Set<Listener>>();

  get(id: string): LiveScan | undefined {
    return this.scans.get(id);
  }

  /** The events that bring a new subscriber up to date. */
  replay(id: string): LiveEvent[] {
    const scan = this.scans.get(id);
    if (!scan) return [];
    return [
      { type: "status", status: scan.status, position: scan.position },
      ...(scan.progress ? [scan.progress] : []),
      ...scan.findings,
    ];
  }

  subscribe(id: string, listener: Listener): () => void {
    let set = this.listeners.get(id);
    if (!set) {
      set = new Set();
      this.listeners.set(id, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(id) === set) this.listeners.delete(id);
    };
  }

  get subscriberCount(): number {
    let count = 0;
    for (const set of this.listeners.values()) count += set.size;
    return count;
  }

  publish(id: string, event: LiveEvent): void {
    const scan = this.scans.get(id) ?? { status: "queued", position: null, progress: null, findings: [] };
    switch (event.type) {
      case "status":
        scan.status = event.status;
        scan.position = event.position;
        break;
      case "progress":
        scan.progress = event;
        break;
      case "finding":
        if (scan.findings.length < MAX_REPLAYED_FINDINGS) scan.findings.push(event);
        break;
      case "done":
        break;
    }
    if (event.type === "done") this.scans.delete(id);
    else this.scans.set(id, scan);
    for (const listener of [...(this.listeners.get(id) ?? [])]) listener(event);
  }
}
