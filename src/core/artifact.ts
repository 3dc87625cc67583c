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

/** Defines an artifact kind: its name and how it is built from a recording. */
export function defineArtifact<T>(name: string, build: (recording: Recording) => T): ArtifactKind<T> {
  const cache = new WeakMap<Recording, T>();
  return {
    name,
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
