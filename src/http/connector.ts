import { X509Certificate } from "node:crypto";
import dns from "node:dns/promises";
import net from "node:net";
import type { TLSSocket } from "node:tls";
import { buildConnector } from "undici";
import type { AddressGuard } from "./address-policy.ts";
import type { TlsObservation } from "../core/index.ts";
import { findOverride, type ConnectOverride } from "./resolve-override.ts";

export interface ConnectorOptions {
  connectTimeoutMs: number;
  overrides: readonly ConnectOverride[];
  guard: AddressGuard | null;
  onTls?: (observation: TlsObservation) => void;
  /** Resolves a name to addresses; replaceable so SSRF tests can stand in for DNS. */
  lookup?: (host: string) => Promise<string[]>;
}

export class BlockedAddressError extends Error {
  readonly code = "BLOCKED_ADDRESS";
}

async function systemLookup(host: string): Promise<string[]> {
  const records = await dns.lookup(host, { all: true, verbatim: true });
  return records.map((record) => record.address);
}

/** How a connection finds its address: the user's pins, the guard, and the name lookup. */
export interface ResolveSettings {
  overrides: readonly ConnectOverride[];
  guard: AddressGuard | null;
  lookup?: (host: string) => Promise<string[]>;
}

/** Where one connection really goes: the checked address, and the port (a pin may move it). */
export interface ConnectAddress {
  address: string;
  port: number;
}

/**
 * Resolves `host` once (a user's pin first, then an IP literal as is, then the lookup), checks every
 * address against the guard, and returns the very address it checked. Every socket the scanner opens,
 * HTTP or a bare TLS handshake, goes through here: it is the SSRF choke point.
 */
export async function resolveConnectAddress(
  host: string,
  port: number,
  settings: ResolveSettings,
): Promise<ConnectAddress> {
  const name = host.replace(/^\[|\]$/g, "");
  const override = findOverride(settings.overrides, name, port);
  const lookup = settings.lookup ?? systemLookup;
  const candidates = override ? [override.address] : net.isIP(name) ? [name] : await lookup(name);
  if (candidates.length === 0)
    throw Object.assign(new Error(`no address for ${name}`), { code: "ENOTFOUND" });
  if (settings.guard) {
    // Every address must pass, not just one: otherwise the OS could still be steered to a refused one.
    for (const address of candidates) {
      const refusal = settings.guard.check(address, name);
      if (refusal) throw new BlockedAddressError(refusal);
    }
  }
  return { address: candidates[0] as string, port: override?.connectPort ?? port };
}

/**
 * The only place an HTTP socket is opened. It resolves the name once, checks every address against the
 * guard (server mode), and connects to the very address it checked, so a name that answers public first
 * and private second (DNS rebinding) cannot slip past. TLS is verified but not enforced: an invalid
 * certificate is recorded as an observation (a finding for the TLS checks), not a reason to stop.
 */
export function createConnector(options: ConnectorOptions): buildConnector.connector {
  const base = buildConnector({ timeout: options.connectTimeoutMs, rejectUnauthorized: false });

  return (connectOptions, callback) => {
    const host = connectOptions.hostname.replace(/^\[|\]$/g, "");
    const defaultPort = connectOptions.protocol === "https:" ? 443 : 80;
    const port = Number(connectOptions.port) || defaultPort;

    resolveConnectAddress(host, port, options).then(
      (target) => {
        const servername = net.isIP(host) ? undefined : host;
        base(
          {
            ...connectOptions,
            hostname: target.address,
            port: String(target.port),
            ...(servername ? { servername } : {}),
          },
          (error, socket) => {
            if (error || !socket) return callback(error ?? new Error("connect failed"), null);
            if (connectOptions.protocol === "https:" && options.onTls) {
              options.onTls(observeTls(socket as TLSSocket, `https://${connectOptions.host ?? host}`));
            }
            callback(null, socket);
          },
        );
      },
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  };
}

function observeTls(socket: TLSSocket, origin: string): TlsObservation {
  const cipher = socket.getCipher?.();
  const peer = socket.getPeerCertificate?.(false);
  const observation: TlsObservation = {
    origin,
    protocol: socket.getProtocol?.() ?? null,
    cipher: cipher?.name ?? null,
    authorized: socket.authorized === true,
  };
  if (socket.authorizationError) observation.authorizationError = String(socket.authorizationError);
  if (peer && Object.keys(peer).length > 0) {
    observation.certificate = {
      subject: formatName(peer.subject),
      issuer: formatName(peer.issuer),
      validFrom: peer.valid_from,
      validTo: peer.valid_to,
      subjectAltNames: (peer.subjectaltname ?? "")
        .split(",")
        .map((name) => name.trim())
        .filter(Boolean),
      selfSigned: formatName(peer.subject) === formatName(peer.issuer),
      ...keyAndSignature(peer.raw),
    };
  }
  return observation;
}

/**
 * The leaf's key type and size and its signature algorithm, read from its DER bytes with Node's own X.509
 * parser (signatureAlgorithm came with Node 24; the older peer-certificate object lacks it). A certificate
 * Node cannot parse simply has no such facts.
 */
function keyAndSignature(
  raw: Buffer | undefined,
): Pick<
  NonNullable<TlsObservation["certificate"]>,
  "keyType" | "keyBits" | "signatureAlgorithm" | "signatureAlgorithmOid"
> {
  if (!raw || raw.length === 0) return {};
  try {
    const certificate = new X509Certificate(raw);
    const key = certificate.publicKey;
    const bits = key.asymmetricKeyDetails?.modulusLength;
    // Typed as always present, but absent on a Node older than the one this project pins.
    const algorithm: unknown = certificate.signatureAlgorithm;
    const oid: unknown = certificate.signatureAlgorithmOid;
    return {
      ...(key.asymmetricKeyType ? { keyType: key.asymmetricKeyType } : {}),
      ...(typeof bits === "number" ? { keyBits: bits } : {}),
      ...(typeof algorithm === "string" && algorithm ? { signatureAlgorithm: algorithm.slice(0, 100) } : {}),
      ...(typeof oid === "string" && oid ? { signatureAlgorithmOid: oid.slice(0, 100) } : {}),
    };
  } catch {
    return {};
  }
}

function formatName(name: object | undefined): string {
  if (!name) return "";
  return Object.entries(name as Record<string, string | string[] | undefined>)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join("+") : (value ?? "")}`)
    .join(", ");
}
