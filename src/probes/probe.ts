import type { ArtifactKind, Discovery, Target, ScanIssue } from "../core/index.ts";
import type { DnsClient, HttpClient } from "../http/index.ts";

export interface ProbeContext {
  target: Target;
  http: HttpClient;
  /** DNS questions (records, zone transfers): counted, bounded by the deadline, recorded. */
  dns: DnsClient;
  /** Shared, mutable: discovery probes fill it, later probes read it. */
  discovery: Discovery;
  /** Aborted when the scan's deadline passes. */
  signal: AbortSignal;
  /** Says what is happening, for the progress line. */
  progress(message: string): void;
  /** Records something the report should say was cut short or went wrong. */
  issue(issue: ScanIssue): void;
  /**
   * What the selected checks asked this probe's artifacts to cover (e.g. which exposed-file kinds), so a
   * probe sends only what is judged. Empty when no check made a request of that artifact.
   */
  requested(kind: ArtifactKind): ReadonlySet<string>;
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
  /** The typed artifacts built from what this probe records; checks need artifacts, never probes. */
  produces: readonly ArtifactKind[];
  run(context: ProbeContext): Promise<void>;
}
