import net from "node:net";

/** Where every DNS question of a scan goes instead of the system resolver (`dig @server` style). */
export interface DnsServerAddress {
  address: string;
  port: number;
}

export class DnsServerSyntaxError extends Error {}

/**
 * Parses "ADDRESS", "ADDRESS:PORT" or "[IPV6]:PORT" (port 53 when none is given). Only an address
 * literal is accepted: the server that answers every name cannot itself need a name looked up.
 */
export function parseDnsServer(spec: string): DnsServerAddress {
  const text = spec.trim();
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(text);
  const plain = /^([^:]+)(?::(\d{1,5}))?$/.exec(text);
  const [, address = "", port = "53"] = bracketed ?? plain ?? (net.isIPv6(text) ? [text, text] : []);
  if (!net.isIP(address))
    throw new DnsServerSyntaxError(`expected ADDRESS[:PORT] with an IP address, got "${spec}"`);
  const number = Number(port);
  if (!Number.isInteger(number) || number < 1 || number > 65535)
    throw new DnsServerSyntaxError(`port out of range in "${spec}"`);
  return { address, port: number };
}

/** "127.0.0.1:5353", "[::1]:53": the form c-ares's setServers takes and reports show. */
export function formatDnsServer(server: DnsServerAddress): string {
  return net.isIPv6(server.address)
    ? `[${server.address}]:${server.port}`
    : `${server.address}:${server.port}`;
}
