import { bodyText, type Exchange, mimeType } from "../../core/index.ts";

export type BackupFormat =
  | "zip archive"
  | "gzip archive"
  | "tar archive"
  | "7-Zip archive"
  | "RAR archive"
  | "bzip2 archive"
  | "xz archive"
  | "SQLite database"
  | "SQL dump"
  | "PHP source code";

const MAGIC: ReadonlyArray<readonly [BackupFormat, readonly number[], number]> = [
  ["zip archive", [0x50, 0x4b, 0x03, 0x04], 0],
  ["zip archive", [0x50, 0x4b, 0x05, 0x06], 0],
  ["gzip archive", [0x1f, 0x8b, 0x08], 0],
  ["7-Zip archive", [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], 0],
  ["RAR archive", [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], 0],
  ["bzip2 archive", [0x42, 0x5a, 0x68], 0],
  ["xz archive", [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 0],
  // "SQLite format 3\0"
  [
    "SQLite database",
    [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66, 0x6f, 0x72, 0x6d, 0x61, 0x74, 0x20, 0x33, 0x00],
    0,
  ],
  // "ustar" at offset 257 of a tar header
  ["tar archive", [0x75, 0x73, 0x74, 0x61, 0x72], 257],
];

/** Lines that only database dump tools write at the top of a dump. */
const SQL_DUMP =
  /^(?:-- (?:MySQL dump|MariaDB dump|PostgreSQL database dump|Dump completed|Host: .*Database: )|-- phpMyAdmin SQL Dump|\/\*!40\d{3} SET |SET (?:NAMES|SQL_MODE|statement_timeout|client_encoding|FOREIGN_KEY_CHECKS)\b|CREATE TABLE [`"\w]|INSERT INTO [`"\w]|DROP TABLE (?:IF EXISTS )?[`"\w]|BEGIN TRANSACTION;|PRAGMA foreign_keys)/m;

/**
 * What a backup path really holds, judged by its first bytes (magic numbers for archives and databases,
 * dump-tool headers for SQL, `<?php` for source code). An HTML page is never a backup, whatever its status.
 */
export function backupFormat(exchange: Exchange): BackupFormat | undefined {
  const response = exchange.response;
  if (!response || response.body.length === 0) return undefined;
  const body = response.body;
  for (const [format, bytes, offset] of MAGIC) {
    if (body.length >= offset + bytes.length && bytes.every((byte, i) => body[offset + i] === byte)) {
      // "BZh" is also plain text: require the block size digit and the block magic after it.
      if (
        format === "bzip2 archive" &&
        !(body[3]! >= 0x31 && body[3]! <= 0x39 && body[4] === 0x31 && body[5] === 0x41)
      )
        continue;
      return format;
    }
  }
  if (mimeType(response.headers) === "text/html") return undefined;
  const text = bodyText(response).slice(0, 4096);
  if (/^\uFEFF?\s*<\?php\b/.test(text)) return "PHP source code";
  if (text.trimStart().startsWith("<")) return undefined;
  if (SQL_DUMP.test(text)) return "SQL dump";
  return undefined;
}
