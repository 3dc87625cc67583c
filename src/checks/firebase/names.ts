/** Names set by the target's operator, shown in reports: keep them tame and short. */
export function safeName(name: string): string {
  const clean = name.replace(/[^\w.@:/-]/g, "?");
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}

export function nameList(names: readonly string[], max = 10): string {
  const shown = names.slice(0, max).map(safeName).join(", ");
  return names.length > max ? `${shown}, … (${names.length} in all)` : shown;
}
