import { needKind, type Check } from "../core/index.ts";
import type { Probe } from "../probes/index.ts";
import { producers } from "./plan.ts";

/**
 * The checks whose inputs can no longer change while the scan is still gathering: every artifact they
 * need is built only from its producer's records (`defineProbeArtifact`), and that producer and every
 * probe it runs after, transitively, have finished. Judging such a check now gives exactly what judging it
 * over the final recording gives, so its findings can be shown at once. A check that needs a kind read
 * from the whole recording waits for the end of gathering.
 */
export function settledChecks(
  checks: readonly Check[],
  probes: readonly Probe[],
  finished: ReadonlySet<string>,
): Check[] {
  const byKind = producers(probes);
  const byName = new Map(probes.map((probe) => [probe.name, probe]));
  const chainDone = new Map<string, boolean>();
  // A probe's records are final once it and everything it ran after have finished.
  const done = (name: string): boolean => {
    const known = chainDone.get(name);
    if (known !== undefined) return known;
    chainDone.set(name, false); // while it is being decided: a cycle (a planner bug) settles nothing
    const probe = byName.get(name);
    const result = probe !== undefined && finished.has(name) && probe.after.every(done);
    chainDone.set(name, result);
    return result;
  };
  return checks.filter((check) =>
    check.meta.needs.every((need) => {
      const kind = needKind(need);
      const producer = byKind.get(kind);
      return kind.reads === "producer" && producer !== undefined && done(producer.name);
    }),
  );
}
