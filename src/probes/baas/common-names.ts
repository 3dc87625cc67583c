/**
 * Names an app's data most often lives under, asked when the code names none (its queries are built at
 * run time, or live in a chunk the page did not load). Each is asked the same read-only, count-only way as
 * a named one; a name that does not exist costs one request and answers nothing.
 */
export const COMMON_FIRESTORE_COLLECTIONS = ["users", "profiles", "posts", "messages", "orders"];
export const COMMON_SUPABASE_TABLES = ["profiles", "users", "posts", "messages", "orders", "todos"];

/** The names to ask: the code's own, or the common ones when it names none. */
export function namesToAsk(named: readonly string[], common: readonly string[]): readonly string[] {
  return named.length > 0 ? named : common;
}
