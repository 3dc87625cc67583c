import type { Report } from "../../src/engine/report.ts";
import { scanRequest, type ScanRequestInput } from "../../src/engine/request.ts";
import { scan, type ScanHooks } from "../../src/engine/scan.ts";
import type { Target } from "../../src/core/target.ts";

/** What a test says about a scan in one object: the request's fields and the runtime's. */
export type ScanOptions = ScanRequestInput & ScanHooks;

const REQUEST_FIELDS = [
  "budget",
  "timeoutMs",
  "concurrency",
  "only",
  "ignore",
  "resolve",
  "dnsServer",
  "headers",
  "cookies",
] as const;

/** Splits a test's options into the request (what to scan) and the hooks (how), then scans. */
export function scanUrl(target: string | Target, options: ScanOptions = {}): Promise<Report> {
  const input: ScanRequestInput = {};
  const hooks: ScanHooks = { ...options };
  for (const field of REQUEST_FIELDS) {
    if (options[field] !== undefined) Object.assign(input, { [field]: options[field] });
    delete (hooks as Record<string, unknown>)[field];
  }
  return scan(scanRequest(target, input), hooks);
}
