import type { Report } from "../../src/engine/report.ts";
import { scan, type ScanOptions } from "../../src/engine/scan.ts";
import { loopbackOnly } from "../safety/loopback.ts";
import type { TestServer } from "./server.ts";

/** The name fixtures are scanned under: a real-looking registrable domain, pinned to loopback. */
export const FIXTURE_HOST = "app.fixture.test";

/** Where a fixture scan points: path, host name, and scheme (https for a TLS server). */
export interface FixtureTarget {
  path?: string;
  host?: string;
  scheme?: "http" | "https";
}

/**
 * Scans a loopback test server as http://app.fixture.test:PORT (pinned with a resolve override, as a user
 * would pin staging), so checks that reason about the registrable domain see a normal site. Unless the
 * test passes its own, a lookup that resolves nothing and a loopback-only guard make it impossible for a
 * probe to reach a real host (e.g. the https twin on port 443 of an unpinned name): it fails locally.
 */
export async function scanFixture(
  server: TestServer,
  options: ScanOptions & FixtureTarget = {},
): Promise<Report> {
  const host = options.host ?? FIXTURE_HOST;
  const { path = "/", scheme = "http", ...rest } = options;
  const { lookup, guard } = loopbackOnly();
  return scan(`${scheme}://${host}:${server.port}${path}`, {
    timeoutMs: 20_000,
    lookup,
    guard,
    allowNonDefaultPorts: true,
    ...rest,
    resolve: [`${host}:${server.port}:127.0.0.1`, ...(options.resolve ?? [])],
  });
}

export function ids(report: Report): string[] {
  return report.findings.map((finding) => finding.id).sort();
}

/** Findings above informational: what the silence tests require to be empty. */
export function aboveInfo(report: Report): string[] {
  return report.findings
    .filter((finding) => finding.severity !== "info")
    .map((finding) => `${finding.id} @ ${finding.url}`);
}
