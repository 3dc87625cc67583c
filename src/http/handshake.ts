import net from "node:net";
import tls from "node:tls";
import type { ExchangeError, Labels, HandshakeRecord, TlsVersion } from "../core/index.ts";
import { BlockedAddressError, resolveConnectAddress, type ResolveSettings } from "./connector.ts";
import { tlsReason } from "./error-class.ts";

/** What a probe asks for: a handshake to `origin` offering only `version` (and only `ciphers`, if given). */
export interface HandshakeRequest {
  origin: string;
  version: TlsVersion;
  /**
   * An OpenSSL cipher list for TLS 1.2 and older ("kRSA:!eNULL:@SECLEVEL=0"); by default every cipher
   * OpenSSL still has. Recorded through the probe's labels, not here.
   */
  ciphers?: string;
  probe: string;
  labels?: Labels;
}

export interface HandshakeSettings extends ResolveSettings {
  timeoutMs: number;
  /** The scan's deadline (or the client closing). */
  signal: AbortSignal;
}

export type HandshakeResult = Pick<
  HandshakeRecord,
  "outcome" | "protocol" | "cipher" | "remoteAddress" | "error"
>;

/** Every cipher this OpenSSL build still has, the retired ones included. */
const ALL_CIPHERS = "DEFAULT@SECLEVEL=0";

/** Failures that come from this side: the local TLS library will not offer what was asked. */
const LOCAL_REFUSALS = /no protocols available|no ciphers available|ERR_SSL_NO_PROTOCOLS|ERR_SSL_NO_CIPHERS/i;

/**
 * Connects to the origin's host through the shared resolution (pins, guard, lookup), offers exactly one
 * TLS version with every cipher OpenSSL still has (SECLEVEL=0, or OpenSSL 3 would not even offer TLS 1.0)
 * or only the given `ciphers`, and closes as soon as the handshake ends. Certificates are not judged here.
 * Never throws.
 */
export async function attemptHandshake(
  url: URL,
  version: TlsVersion,
  settings: HandshakeSettings,
  ciphers = ALL_CIPHERS,
): Promise<HandshakeResult> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const port = Number(url.port) || 443;
  let target;
  try {
    target = await resolveConnectAddress(host, port, settings);
  } catch (error) {
    if (error instanceof BlockedAddressError) return failed("blocked-address", error.message);
    return failed("dns", error instanceof Error ? error.message : String(error));
  }
  if (settings.signal.aborted) return failed("deadline", "the scan deadline passed");

  return new Promise<HandshakeResult>((resolve) => {
    let connected = false;
    let settled = false;
    let socket: tls.TLSSocket | undefined;
    const finish = (result: HandshakeResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      settings.signal.removeEventListener("abort", onAbort);
      socket?.destroy();
      resolve(result);
    };
    const timer = setTimeout(
      () => finish(failed("timeout", "the server did not finish the handshake in time")),
      settings.timeoutMs,
    );
    const onAbort = () => finish(failed("deadline", "the scan deadline passed"));
    settings.signal.addEventListener("abort", onAbort, { once: true });
    const declined = (message: string): HandshakeResult => ({
      outcome: "declined",
      remoteAddress: target.address,
      error: { code: "tls", message },
    });

    try {
      socket = tls.connect({
        host: target.address,
        port: target.port,
        ...(net.isIP(host) ? {} : { servername: host }),
        minVersion: version,
        maxVersion: version,
        ciphers,
        // Only the protocol is being asked about; the certificate checks judge certificates.
        rejectUnauthorized: false,
      });
    } catch (error) {
      return finish(failed("other", error instanceof Error ? error.message : String(error)));
    }
    const opened = socket;
    opened.once("connect", () => {
      connected = true;
    });
    opened.once("secureConnect", () => {
      const cipher = opened.getCipher();
      finish({
        outcome: "accepted",
        protocol: opened.getProtocol() ?? version,
        ...(cipher?.name ? { cipher: cipher.name } : {}),
        remoteAddress: target.address,
      });
    });
    opened.once("error", (error: Error & { code?: string }) => {
      const code = error.code ?? "";
      const message = error.message;
      if (LOCAL_REFUSALS.test(`${code} ${message}`)) {
        const offer = ciphers === ALL_CIPHERS ? version : `${version} with the ciphers ${ciphers}`;
        finish(failed("tls", `this scanner's TLS library cannot offer ${offer}`));
      } else if (!connected) {
        if (code === "ECONNREFUSED") finish(failed("refused", "the connection was refused"));
        else if (code === "ETIMEDOUT") finish(failed("timeout", "the server did not answer in time"));
        else finish(failed("other", message || code || "the connection failed"));
      } else {
        // The server took the connection and then refused the version (an alert, or it hung up).
        finish(declined(tlsReason(code, message) ?? message));
      }
    });
    opened.once("close", () => {
      if (!connected) finish(failed("other", "the connection closed before it was established"));
      else finish(declined("the server closed the connection during the TLS handshake"));
    });
  });
}

function failed(code: ExchangeError["code"], message: string): HandshakeResult {
  return { outcome: "failed", error: { code, message } };
}
