import type { ExchangeError, Labels } from "./exchange.ts";

/** What the TLS layer saw when the scanner connected to an https origin. */
export interface TlsObservation {
  origin: string;
  protocol: string | null;
  cipher: string | null;
  authorized: boolean;
  authorizationError?: string;
  certificate?: {
    subject: string;
    issuer: string;
    validFrom: string;
    validTo: string;
    subjectAltNames: string[];
    selfSigned: boolean;
    /** The leaf's public key: "rsa", "ec", "ed25519", "dsa"... (absent in recordings made before it was kept). */
    keyType?: string;
    /** RSA/DSA modulus length in bits. */
    keyBits?: number;
    /** The signature algorithm the issuer used on the leaf, as OpenSSL names it ("sha256WithRSAEncryption"). */
    signatureAlgorithm?: string;
    /** Its OID ("1.2.840.113549.1.1.11"): names differ between OpenSSL versions, OIDs do not. */
    signatureAlgorithmOid?: string;
  };
}

/** The TLS versions a handshake can be pinned to (Node's names). */
export type TlsVersion = "TLSv1" | "TLSv1.1" | "TLSv1.2" | "TLSv1.3";

/**
 * What a server did with a handshake pinned to one version: `accepted` (it completed), `declined` (the
 * server answered but would not speak that version), or `failed` (nothing can be said: no connection,
 * budget, deadline, blocked address, or this scanner's TLS library cannot offer the version).
 */
export type HandshakeOutcome = "accepted" | "declined" | "failed";

/** One bare TLS handshake the scanner attempted: no HTTP was spoken over it. */
export interface HandshakeRecord {
  id: number;
  probe: string;
  labels: Labels;
  /** https://host[:port] */
  origin: string;
  /** The version offered, as both minimum and maximum. */
  version: TlsVersion;
  outcome: HandshakeOutcome;
  /** Negotiated protocol and cipher, when accepted. */
  protocol?: string;
  cipher?: string;
  remoteAddress?: string;
  error?: ExchangeError;
  startedAt: string;
  elapsedMs: number;
}
