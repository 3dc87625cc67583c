import { defineProbeArtifact, type HandshakeRecord, type Recording } from "../core/index.ts";

/** The probe that offers TLS 1.2 with weak cipher suites only (written by probes/tls, read here). */
export const CIPHERS_PROBE = "tls-ciphers";
/** Its handshakes; the `offer` label names which WEAK_CIPHER_OFFERS entry was offered. */
export const WEAK_CIPHER_ROLE = "weak-cipher";

export type WeakCipherOffer = "no-forward-secrecy" | "no-aead";

/**
 * What each handshake offers, as an OpenSSL cipher list (TLS 1.2 only: every TLS 1.3 suite is forward
 * secret and AEAD). This scanner's OpenSSL 3 has no RC4 or 3DES, so a server that accepts only those is
 * not found by these offers; the offers cover what servers commonly still accept.
 * - no-forward-secrecy: static RSA key exchange (AES-GCM and AES-CBC alike): whoever obtains the server's
 *   private key later decrypts recorded traffic.
 * - no-aead: forward-secret (EC)DHE key exchange with CBC-mode encryption and a separate HMAC.
 * NULL-encryption and anonymous suites are never offered. SECLEVEL=0 lets OpenSSL 3 offer suites it
 * considers too weak for its own use.
 */
export const WEAK_CIPHER_OFFERS: Readonly<Record<WeakCipherOffer, string>> = {
  "no-forward-secrecy": "kRSA:!eNULL:!aNULL:!PSK:@SECLEVEL=0",
  "no-aead": "kECDHE:kDHE:!AESGCM:!CHACHA20:!AESCCM:!ARIAGCM:!eNULL:!aNULL:!PSK:!SRP:@SECLEVEL=0",
};

/** The tls-ciphers probe's TLS 1.2 handshakes, each offering one set of weak suites, with what the server did. */
export const TlsCipherHandshakes = defineProbeArtifact(
  "tls-cipher-handshakes",
  (recording: Recording): Array<HandshakeRecord & { offer: WeakCipherOffer }> =>
    (recording.handshakes ?? []).flatMap((handshake) => {
      if (handshake.probe !== CIPHERS_PROBE || handshake.labels.role !== WEAK_CIPHER_ROLE) return [];
      const offer = handshake.labels.offer;
      return offer === "no-forward-secrecy" || offer === "no-aead" ? [{ ...handshake, offer }] : [];
    }),
);
