import type { Discovery } from "../core/artifacts.ts";
import type { Target } from "../core/target.ts";
import type { HttpClient } from "../http/client.ts";
import type { ScanIssue } from "../core/scan-issue.ts";

export interface ProbeContext {
  target: Target;
  http: HttpClient;
  /** Shared, mutable: discovery probes fill it, later probes read it. */
  discovery: Discovery;
  /** Aborted when the scan's deadline passes. */
  signal: AbortSignal;
  /** Says what is happening, for the progress line. */
  progress(message: string): void;
  /** Records something the report should say was cut short or went wrong. */
  issue(issue: ScanIssue): void;
  /** The ids of the checks this scan runs, so a probe can skip work no selected check reads. */
  checkIds: ReadonlySet<string>;
}

/**
 * A probe gathers: it sends requests through the HTTP client (which records them) and may add to
 * discovery. It judges nothing; checks do.
 */
export interface Probe {
  name: string;
  /** Shown in progress ("Probing CORS"). */
  title: string;
  /** Probes that must finish first (discovery, usually). */
  after: readonly string[];
  run(context: ProbeContext): Promise<void>;
}
