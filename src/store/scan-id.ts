import { randomBytes } from "node:crypto";

/** 128 random bits as base64url (22 characters): unguessable, so a report link can be shared safely. */
export function newScanId(): string {
  return randomBytes(16).toString("base64url");
}

const SCAN_ID = /^[A-Za-z0-9_-]{22}$/;

/** Ids from URLs are checked before they reach the database. */
export function isScanId(value: string): boolean {
  return SCAN_ID.test(value);
}
