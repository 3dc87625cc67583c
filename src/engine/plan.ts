import { needKind, type ArtifactKind, type Check } from "../core/index.ts";
import type { Probe } from "../probes/index.ts";
import type { ScanSettings } from "./request.ts";

/** Picks checks by --only/--ignore (ids or whole families: "cors" or "cors.*"). */
export function selectChecks(
  all: readonly Check[],
  only: readonly string[] = [],
  ignore: readonly string[] = [],
): Check[] {
  const matches = (id: string, patterns: readonly string[]) =>
    patterns.some((p) => {
      const pattern = p.trim().replace(/\.\*$/, "");
      return id === pattern || id.startsWith(`${pattern}.`);
    });
  return all.filter(
    (check) => (only.length === 0 || matches(check.meta.id, only)) && !matches(check.meta.id, ignore),
  );
}

/** Unknown ids in --only/--ignore are usage errors: a typo must not silently scan nothing. */
export function unknownPatterns(all: readonly Check[], patterns: readonly string[]): string[] {
  return patterns.filter((p) => selectChecks(all, [p]).length === 0);
}

/** The probe that produces each artifact; an artifact no probe produces, or two do, is a registry bug. */
export function producers(probes: readonly Probe[]): Map<ArtifactKind, Probe> {
  const byKind = new Map<ArtifactKind, Probe>();
  for (const probe of probes)
    for (const kind of probe.produces) {
      const other = byKind.get(kind);
      if (other) throw new Error(`"${kind.name}" is produced by both ${other.name} and ${probe.name}`);
      byKind.set(kind, probe);
    }
  return byKind;
}

/**
 * The probes the selected checks' artifacts come from, plus what those probes run after, in waves: every
 * probe in a wave can run at once; a wave starts when the previous one is done.
 */
export function planProbes(checks: readonly Check[], probes: readonly Probe[]): Probe[][] {
  const byName = new Map(probes.map((probe) => [probe.name, probe]));
  const byKind = producers(probes);
  const needed = new Set<string>();
  const visit = (name: string) => {
    if (needed.has(name)) return;
    const probe = byName.get(name);
    if (!probe) throw new Error(`a probe runs after the unknown probe "${name}"`);
    needed.add(name);
    probe.after.forEach(visit);
  };
  for (const check of checks)
    for (const need of check.meta.needs) {
      const producer = byKind.get(needKind(need));
      if (!producer)
        throw new Error(`${check.meta.id} needs "${needKind(need).name}", which no probe produces`);
      visit(producer.name);
    }

  const waves: Probe[][] = [];
  const done = new Set<string>();
  while (done.size < needed.size) {
    const wave = [...needed]
      .filter((name) => !done.has(name))
      .map((name) => byName.get(name)!)
      .filter((probe) => probe.after.every((dependency) => done.has(dependency)));
    if (wave.length === 0) throw new Error("probe dependencies form a cycle");
    wave.forEach((probe) => done.add(probe.name));
    waves.push(wave);
  }
  return waves;
}

/** What the selected checks ask of each artifact (typed requests such as the exposed-file kinds to try). */
export function artifactRequests(checks: readonly Check[]): Map<ArtifactKind, Set<string>> {
  const requests = new Map<ArtifactKind, Set<string>>();
  for (const check of checks)
    for (const need of check.meta.needs) {
      if (!("kind" in need) || need.request === undefined) continue;
      const set = requests.get(need.kind) ?? new Set<string>();
      set.add(need.request);
      requests.set(need.kind, set);
    }
  return requests;
}

/** What a scan will do: the checks it runs, the probe waves they need, and what they asked of each artifact. */
export interface ScanPlan {
  checks: Check[];
  waves: Probe[][];
  requests: ReadonlyMap<ArtifactKind, ReadonlySet<string>>;
}

export function planScan(
  settings: Pick<ScanSettings, "only" | "ignore">,
  registry: { checks: readonly Check[]; probes: readonly Probe[] },
): ScanPlan {
  const checks = selectChecks(registry.checks, settings.only, settings.ignore);
  return { checks, waves: planProbes(checks, registry.probes), requests: artifactRequests(checks) };
}
