import { after } from "node:test";
import { startDnsServer, type DnsServerOptions, type TestDnsServer, type ZoneRecord } from "./dns-server.ts";
import type { FixtureTarget } from "./scan-fixture.ts";
import type { ScanOptions } from "./scan-url.ts";
import type { Handler } from "./server.ts";

/** A plain page: what a site looks like to the dns checks, which judge its domain, not its HTML. */
export const plainPage: Handler = (_req, res) => {
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.end("<!doctype html><title>Shop</title><h1>Welcome</h1>");
};

/** Starts a test DNS server for a test file (closed after it), serving every case's zone. */
export async function dnsServerForFile(options: DnsServerOptions): Promise<TestDnsServer> {
  const server = await startDnsServer(options);
  after(() => server.close());
  return server;
}

/**
 * Scan options for a live dns case: the target is `host` (pinned to the site's port by scanFixture),
 * every question goes to the test DNS server, and the zone's name servers are pinned to its port, so a
 * zone transfer reaches it too.
 */
export function throughDns(
  dns: TestDnsServer,
  host: string,
  nameServers: readonly string[] = [],
): ScanOptions & FixtureTarget {
  return {
    host,
    dnsServer: dns.address,
    resolve: nameServers.map((ns) => `${ns}:53:127.0.0.1:${dns.port}`),
  };
}

/** The mail records of a domain, in zone form: an MX, and TXT strings at the domain and at _dmarc. */
export function mailZone(
  domain: string,
  options: { mx?: boolean; spf?: string; dmarc?: string; host?: string },
): ZoneRecord[] {
  return [
    { name: options.host ?? `app.${domain}`, type: "A", data: "127.0.0.1" },
    ...(options.mx === false
      ? []
      : [{ name: domain, type: "MX", data: { preference: 10, exchange: `mx.${domain}` } } as ZoneRecord]),
    ...(options.spf ? [{ name: domain, type: "TXT", data: [options.spf] } as ZoneRecord] : []),
    ...(options.dmarc
      ? [{ name: `_dmarc.${domain}`, type: "TXT", data: [options.dmarc] } as ZoneRecord]
      : []),
  ];
}
