import type { Artifacts } from "../core/artifacts.ts";

/**
 * A view computed once per Artifacts object and shared by every check that asks for it. Checks stay pure:
 * the view is a function of the artifacts alone.
 */
export function memoView<T>(compute: (artifacts: Artifacts) => T): (artifacts: Artifacts) => T {
  const cache = new WeakMap<Artifacts, T>();
  return (artifacts) => {
    let value = cache.get(artifacts);
    if (value === undefined) {
      value = compute(artifacts);
      cache.set(artifacts, value);
    }
    return value;
  };
}
