/**
 * Ids of the public contract (docs/finding-ids.md) that no check reports yet, each with the issue that
 * builds it. The registry test holds the contract to exactly the registered checks plus this list, so a
 * new check must leave the list and a new contract id must join it: the gap is visible, never silent.
 * Learn entries are required for registered ids only (an article must not explain a finding never shown).
 */
export const PLANNED_IDS: Readonly<Record<string, string>> = {};
