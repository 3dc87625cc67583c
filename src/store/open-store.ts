import { PostgresScanStore } from "./postgres-scan-store.ts";
import type { ScanStore } from "./scan-store.ts";
import { SqliteScanStore } from "./sqlite-scan-store.ts";

/** A store that cannot be opened, said in one sentence (the server and worker print it and stop). */
export class StoreError extends Error {}

/** A postgres:// URL, or a file path (or ":memory:") for the embedded SQLite store. */
export function storeKind(location: string): "postgres" | "sqlite" {
  if (/^postgres(ql)?:\/\//i.test(location)) return "postgres";
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(location)?.[1];
  if (scheme)
    throw new StoreError(`--db takes a file path for SQLite or a postgres:// URL, not a ${scheme}:// URL`);
  return "sqlite";
}

/**
 * Opens the store a location names: PostgreSQL (connect within the timeout, then migrate) or SQLite.
 * A database that cannot be reached fails here, with a sentence naming it (its password left out).
 */
export async function openStore(
  location: string,
  options: { connectTimeoutMs?: number } = {},
): Promise<ScanStore> {
  if (storeKind(location) === "sqlite") return new SqliteScanStore(location);
  try {
    return await PostgresScanStore.open(location, options);
  } catch (error) {
    throw new StoreError(`cannot use the PostgreSQL database at ${redactUrl(location)}: ${reason(error)}`);
  }
}

/** postgres://user:secret@host/db → postgres://user:***@host/db: passwords never reach logs. */
export function redactUrl(location: string): string {
  try {
    const url = new URL(location);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return location.replace(/\/\/([^:/@]*):[^@]*@/, "//$1:***@");
  }
}

function reason(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === "ECONNREFUSED") return "nothing answers there (connection refused)";
  if (/timeout/i.test(message)) return "it did not answer in time";
  return message || code || "unknown error";
}
