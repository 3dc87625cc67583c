import type { Check } from "../core/check.ts";
import type { Probe } from "../probes/probe.ts";

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

/**
 * The probes the selected checks need, plus what those probes run after, in waves: every probe in a
 * wave can run at once; a wave starts when the previous one is done.
 */
export function planProbes(checks: readonly Check[], probes: readonly Probe[]): Probe[][] {
  const byName = new Map(probes.map((probe) => [probe.name, probe]));
  const needed = new Set<string>();
  const visit = (name: string) => {
    if (needed.has(name)) return;
    const probe = byName.get(name);
    if (!probe) throw new Error(`a check needs the unknown probe "${name}"`);
    needed.add(name);
    probe.after.forEach(visit);
  };
  checks.forEach((check) => check.meta.needs.forEach(visit));

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
