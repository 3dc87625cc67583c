import type { Recording } from "./recording.ts";
import type { Target } from "./target.ts";

/**
 * A named, typed view of what the probes recorded: CORS observations, the HTML documents, the Supabase
 * responses. Checks read artifacts, never raw exchanges, so the labels a probe writes on its exchanges
 * stay a private matter between the probe and the artifact built from them.
 *
 * An artifact is a pure function of the recording, computed once per recording and shared by every
 * check that reads it. Exactly one probe declares that it produces each artifact (its `after` chain
 * brings in what else the artifact is built from), so the planner can go from needs to requests.
 */
export interface ArtifactKind<T = unknown> {
  readonly name: string;
  /** Whose records it is built from: it is settled (a later probe cannot change it) once they are all in. */
  readonly reads: ArtifactReads;
  /** The artifact computed from a recording (memoised per recording). */
  of(recording: Recording): T;
}

/**
 * What a check needs: an artifact, optionally with a typed request that tells the producing probe what
 * to look for (which exposed files, which Supabase resources). A probe never reads which checks run.
 */
export interface ArtifactNeed<R extends string = string> {
  kind: ArtifactKind;
  request?: R;
}

export type Need = ArtifactKind | ArtifactNeed;

export function needKind(need: Need): ArtifactKind {
  return "kind" in need ? need.kind : need;
}

/**
 * What an artifact is built from, so a scan can judge a check as soon as its inputs can no longer change
 * (findings stream while later probes still run):
 * - "producer": only what its producing probe and the probes that probe runs `after` (transitively)
 *   record: their exchanges (by `exchange.probe`), handshakes, DNS records, and `discovery`, which only
 *   the discovery probe writes. Settled once those probes have finished.
 * - "recording": anything any probe records (every exchange, every TLS connection, every Set-Cookie).
 *   Settled only when gathering has ended. `defineArtifact`'s default: an undeclared kind is late, never
 *   wrong.
 */
export type ArtifactReads = "producer" | "recording";

/** Defines an artifact kind that may read anything in the recording: its name and how it is built. */
export function defineArtifact<T>(name: string, build: (recording: Recording) => T): ArtifactKind<T> {
  return artifactKind(name, build, "recording");
}

/**
 * Defines an artifact kind built only from what its producing probe and the probes that one runs after
 * record (see ArtifactReads): checks reading only such kinds are judged, and their findings streamed, as
 * soon as those probes finish.
 */
export function defineProbeArtifact<T>(name: string, build: (recording: Recording) => T): ArtifactKind<T> {
  return artifactKind(name, build, "producer");
}

function artifactKind<T>(
  name: string,
  build: (recording: Recording) => T,
  reads: ArtifactReads,
): ArtifactKind<T> {
  const cache = new WeakMap<Recording, T>();
  return {
    name,
    reads,
    of(recording) {
      if (cache.has(recording)) return cache.get(recording) as T;
      const value = build(recording);
      cache.set(recording, value);
      return value;
    },
  };
}

/** What a check's analyse() receives: the target, and the artifacts it declared in `meta.needs`. */
export interface CheckInput {
  target: Target;
  read<T>(kind: ArtifactKind<T>): T;
}

export class UndeclaredArtifactError extends Error {}

/**
 * The input for one check: `read` refuses an artifact the check did not declare, because the planner
 * sends only the requests that declared needs call for; an undeclared read would judge an empty view
 * under `--only` and silently miss.
 */
export function checkInput(recording: Recording, needs: readonly Need[], checkId: string): CheckInput {
  const allowed = new Set(needs.map(needKind));
  return {
    target: recording.target,
    read<T>(kind: ArtifactKind<T>): T {
      if (!allowed.has(kind))
        throw new UndeclaredArtifactError(
          `${checkId} reads "${kind.name}" without declaring it in meta.needs`,
        );
      return kind.of(recording);
    },
  };
}
