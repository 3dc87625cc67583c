import type { Exchange } from "../../core/index.ts";

/** "SQLite format 3\0": the first 16 bytes of every SQLite 3 database file. */
const SQLITE_MAGIC = Buffer.from("SQLite format 3\0", "latin1");
const MAX_TABLES = 20;

export interface DatabaseFile {
  format: "SQLite 3 database";
  /** The page size from the header (bytes 16-17; 1 means 65536). */
  pageSize: number;
  /** Table names from the schema's CREATE TABLE statements that fell within the bytes read. */
  tables: string[];
}

/**
 * A database file, by its magic bytes (never its name or status): a SQLite 3 header. The first page
 * holds the schema table, so the names of the first tables are often within the 4 KiB asked for.
 */
export function databaseFile(exchange: Exchange): DatabaseFile | undefined {
  const body = exchange.response?.body;
  if (!body || body.length < 100) return undefined;
  if (!Buffer.from(body.buffer, body.byteOffset, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) return undefined;
  const size = (body[16]! << 8) | body[17]!;
  const pageSize = size === 1 ? 65536 : size;
  // A real header has a power-of-two page size of 512..65536; anything else is a text file quoting the magic.
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return undefined;
  const text = Buffer.from(body.buffer, body.byteOffset, body.length).toString("latin1");
  const tables = new Set<string>();
  for (const match of text.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?["`[]?([A-Za-z_][\w$]{0,63})/g)) {
    if (match[1] && !match[1].startsWith("sqlite_")) tables.add(match[1]);
    if (tables.size >= MAX_TABLES) break;
  }
  return { format: "SQLite 3 database", pageSize, tables: [...tables] };
}
