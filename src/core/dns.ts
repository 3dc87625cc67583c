import type { Labels } from "./exchange.ts";

/** The record types the dns probe asks for; AXFR is a whole-zone transfer over TCP. */
export type DnsQueryType = "A" | "AAAA" | "CNAME" | "TXT" | "MX" | "CAA" | "NS" | "AXFR";

/**
 * What a name server said: records (`answered`), the name exists without records of that type
 * (`no-data`), the name does not exist (`no-such-name`, NXDOMAIN), the server refused (`refused`, for a
 * zone transfer too), or nothing can be said (`failed`: timeout, no server, a connection the guard
 * refused, the scan's lookup allowance or deadline used up).
 */
export type DnsOutcome = "answered" | "no-data" | "no-such-name" | "refused" | "failed";

/**
 * One DNS question the scanner asked and its answer, recorded like an HTTP exchange so checks can be
 * judged again from a saved recording. Answers are in presentation form: TXT strings joined, MX as
 * "priority exchange", CAA as "flags tag value", NS/CNAME as names, A/AAAA as addresses.
 */
export interface DnsQueryRecord {
  id: number;
  probe: string;
  labels: Labels;
  /** Lower case, without the trailing dot. */
  name: string;
  type: DnsQueryType;
  outcome: DnsOutcome;
  answers: string[];
  /** For AXFR: the name server asked, and how many records it handed over (answers hold a few names). */
  server?: string;
  transferred?: number;
  error?: string;
  startedAt: string;
  elapsedMs: number;
}
