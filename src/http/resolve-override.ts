/**
 * Pins a host name and port to another address (curl's --resolve HOST:PORT:ADDR) or to another address
 * and port (curl's --connect-to HOST:PORT:ADDR:PORT2). The URL, Host header and TLS server name stay
 * those of the original name, so a staging address or a loopback stand-in is scanned as the real site.
 */
export interface ConnectOverride {
  host: string;
  /** "*" matches any port. */
  port: string;
  address: string;
  connectPort?: number;
}

export class OverrideSyntaxError extends Error {}

function splitAddress(rest: string): [address: string, tail: string] {
  if (rest.startsWith("[")) {
    const end = rest.indexOf("]");
    if (end < 0) throw new OverrideSyntaxError(`unclosed [ in ${rest}`);
    return [rest.slice(1, end), rest.slice(end + 1)];
  }
  const colon = rest.indexOf(":");
  return colon < 0 ? [rest, ""] : [rest.slice(0, colon), rest.slice(colon)];
}

/** Parses "host:port:address" or "host:port:address:port2" (IPv6 addresses in brackets). */
export function parseOverride(spec: string): ConnectOverride {
  const match = /^([^:]+):(\*|\d{1,5}):(.+)$/.exec(spec.trim());
  if (!match) throw new OverrideSyntaxError(`expected HOST:PORT:ADDRESS[:PORT2], got "${spec}"`);
  const [, host, port, rest] = match as unknown as [string, string, string, string];
  const [address, tail] = splitAddress(rest);
  if (!address) throw new OverrideSyntaxError(`no address in "${spec}"`);
  let connectPort: number | undefined;
  if (tail) {
    const portMatch = /^:(\d{1,5})$/.exec(tail);
    if (!portMatch) throw new OverrideSyntaxError(`bad port after the address in "${spec}"`);
    connectPort = Number(portMatch[1]);
    if (connectPort < 1 || connectPort > 65535)
      throw new OverrideSyntaxError(`port out of range in "${spec}"`);
  }
  return { host: host.toLowerCase(), port, address, ...(connectPort ? { connectPort } : {}) };
}

export function findOverride(
  overrides: readonly ConnectOverride[],
  host: string,
  port: number,
): ConnectOverride | undefined {
  const name = host.toLowerCase().replace(/^\[|\]$/g, "");
  return (
    overrides.find((o) => o.host === name && o.port === String(port)) ??
    overrides.find((o) => o.host === name && o.port === "*")
  );
}
