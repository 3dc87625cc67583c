import { type Check, CVSS_INFORMATIONAL, type Evidence, type FindingDraft } from "../../core/index.ts";
import { TlsCipherHandshakes, WEAK_CIPHER_OFFERS, type WeakCipherOffer } from "../../artifacts/index.ts";
import { MOZILLA_TLS_CONFIG, OWASP_TLS } from "./shared.ts";

/** What each offer proves when the server takes it, in the words of the finding. */
const WEAKNESS: Readonly<Record<WeakCipherOffer, string>> = {
  "no-forward-secrecy": "without forward secrecy (RSA key exchange)",
  "no-aead": "without authenticated encryption (CBC mode)",
};

/**
 * Judged from the suite the server chose, not only from what was offered: an OpenSSL suite name with an
 * (EC)DHE prefix is forward secret, and GCM, CCM and ChaCha20-Poly1305 are the AEAD modes.
 */
function suiteIsWeak(offer: WeakCipherOffer, cipher: string): boolean {
  const name = cipher.toUpperCase();
  if (name.startsWith("TLS_")) return false;
  if (offer === "no-forward-secrecy") return !/^(ECDHE|DHE|EDH)-/.test(name);
  return !/GCM|CCM|CHACHA20/.test(name);
}

export const weakCipher: Check = {
  meta: {
    id: "tls.weak-cipher",
    title: "TLS 1.2 accepts cipher suites without forward secrecy or authenticated encryption",
    cvss: "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N",
    cwe: "CWE-327",
    references: [
      MOZILLA_TLS_CONFIG,
      OWASP_TLS,
      {
        title: "RFC 9325: Recommendations for Secure Use of TLS (§4.2, cipher suites)",
        url: "https://www.rfc-editor.org/rfc/rfc9325#section-4.2",
      },
      {
        title: "CWE-327: Use of a Broken or Risky Cryptographic Algorithm",
        url: "https://cwe.mitre.org/data/definitions/327.html",
      },
    ],
    explanation:
      "When a client offers only old cipher suites, your server still agrees to use them over TLS 1.2. " +
      "Suites with RSA key exchange have no forward secrecy: anyone who records your traffic today and obtains your private key later (a leaked backup, a seized server) decrypts all of it. " +
      "CBC-mode suites protect data with a construction that has produced a decade of padding-oracle attacks (Lucky13 and its successors). " +
      "Modern browsers pick the strong suites first, so an attacker would need to downgrade an old client or record traffic for later; the risk is low, and RFC 9325 and Mozilla's 'intermediate' profile drop these suites. " +
      "Accepting CBC suites alone (with forward secrecy) is reported as informational; RSA key exchange as low. " +
      "This scanner cannot offer RC4 or 3DES (its TLS library no longer has them), so those are not tested.",
    fixes: {
      express: [
        "If Node terminates TLS, allow only forward-secret AEAD suites for TLS 1.2 (TLS 1.3 suites are all strong):",
        "```js",
        "https.createServer({",
        "  key, cert, minVersion: 'TLSv1.2',",
        "  ciphers: 'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305',",
        "}, app).listen(443);",
        "```",
        "Node's default list still includes RSA key exchange and CBC suites for old clients.",
      ].join("\n"),
      nextjs:
        "Vercel and Netlify choose the suites at their edge. Self-hosted, set them in the proxy in front of `next start` (nginx below; Caddy's defaults are already AEAD and forward secret).",
      fastapi: [
        "Set the suites in the TLS-terminating proxy, or for uvicorn itself:",
        "```sh",
        "uvicorn main:app --ssl-keyfile key.pem --ssl-certfile fullchain.pem --ssl-ciphers 'ECDHE+AESGCM:ECDHE+CHACHA20'",
        "```",
      ].join("\n"),
      nginx: [
        "Mozilla's 'intermediate' configuration:",
        "```nginx",
        "ssl_protocols TLSv1.2 TLSv1.3;",
        "ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305;",
        "ssl_prefer_server_ciphers off;",
        "```",
      ].join("\n"),
      apache:
        "```apache\nSSLCipherSuite ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305\nSSLHonorCipherOrder off\n```",
      cloudflare:
        "SSL/TLS → Edge Certificates → **Cipher suites** (Advanced Certificate Manager): choose the 'Modern' or 'Compatible' security level, or set Minimum TLS Version to 1.3.",
    },
    learn: "https-and-hsts#weak-cipher",
    needs: [TlsCipherHandshakes],
  },
  analyse(artifacts) {
    const accepted = artifacts
      .read(TlsCipherHandshakes)
      .filter(
        (handshake) =>
          handshake.outcome === "accepted" &&
          handshake.protocol === "TLSv1.2" &&
          handshake.cipher !== undefined &&
          suiteIsWeak(handshake.offer, handshake.cipher),
      );
    const byOrigin = new Map<string, typeof accepted>();
    for (const handshake of accepted)
      byOrigin.set(handshake.origin, [...(byOrigin.get(handshake.origin) ?? []), handshake]);
    return [...byOrigin].map(([origin, handshakes]): FindingDraft => {
      const withoutForwardSecrecy = handshakes.some((handshake) => handshake.offer === "no-forward-secrecy");
      const described = handshakes.map(
        (handshake) => `${handshake.cipher ?? "?"} (${WEAKNESS[handshake.offer]})`,
      );
      return {
        url: origin,
        summary: `${origin} accepts TLS 1.2 with ${described.join(" and ")}.`,
        evidence: handshakes.map(handshakeEvidence),
        details: {
          origin,
          acceptedSuites: handshakes.map((handshake) => handshake.cipher ?? "?").join(", "),
          weaknesses: handshakes.map((handshake) => handshake.offer).join(", "),
        },
        // CBC with forward secrecy is what many CDNs keep for old clients: worth knowing, not a risk rating.
        ...(withoutForwardSecrecy ? {} : { cvss: CVSS_INFORMATIONAL }),
      };
    });
  },
};

function handshakeEvidence(handshake: {
  origin: string;
  offer: WeakCipherOffer;
  cipher?: string;
  remoteAddress?: string;
}): Evidence {
  const url = new URL(handshake.origin);
  const port = url.port || "443";
  return {
    note:
      `A TLS 1.2 handshake offering only suites ${WEAKNESS[handshake.offer]} was accepted: the server chose ${handshake.cipher ?? "?"}` +
      `${handshake.remoteAddress ? ` (address ${handshake.remoteAddress})` : ""}.`,
    curl: `openssl s_client -connect ${url.hostname}:${port} -servername ${url.hostname} -tls1_2 -cipher '${WEAK_CIPHER_OFFERS[handshake.offer]}' </dev/null`,
  };
}
