import type { Check, Evidence, FindingDraft, HandshakeRecord } from "../../core/index.ts";
import { LEGACY_VERSIONS, TlsHandshakes } from "../../artifacts/index.ts";
import { MOZILLA_TLS_CONFIG, OWASP_TLS } from "./shared.ts";

/** Node's protocol names as people write them. */
const VERSION_NAMES: Readonly<Record<string, string>> = { TLSv1: "TLS 1.0", "TLSv1.1": "TLS 1.1" };
/** openssl s_client's flag for each version, for a command that reproduces the handshake. */
const S_CLIENT_FLAGS: Readonly<Record<string, string>> = { TLSv1: "-tls1", "TLSv1.1": "-tls1_1" };

export const legacyProtocol: Check = {
  meta: {
    id: "tls.legacy-protocol",
    title: "The server still accepts TLS 1.0 or TLS 1.1",
    cvss: "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N",
    cwe: "CWE-327",
    references: [
      {
        title: "RFC 8996: Deprecating TLS 1.0 and TLS 1.1",
        url: "https://www.rfc-editor.org/rfc/rfc8996",
      },
      OWASP_TLS,
      MOZILLA_TLS_CONFIG,
      {
        title: "CWE-327: Use of a Broken or Risky Cryptographic Algorithm",
        url: "https://cwe.mitre.org/data/definitions/327.html",
      },
    ],
    explanation:
      "Your server completes HTTPS connections with TLS 1.0 or 1.1, versions from 1999 and 2006 that the IETF formally retired in 2021 (RFC 8996). " +
      "They rely on SHA-1 and CBC constructions with known attacks (BEAST, Lucky13, POODLE-style downgrades), and every current browser has stopped using them. " +
      "Nobody needs them any more, but keeping them on lets an attacker who controls a victim's network push old or badly configured clients onto the weakest protocol you offer, and it fails PCI DSS and most security audits. " +
      "The risk is limited, the fix is one line: accept TLS 1.2 and 1.3 only.",
    fixes: {
      express: [
        "If Node terminates TLS, set the minimum version (and prefer a proxy or platform that does this for you):",
        "```js",
        "https.createServer({ key, cert, minVersion: 'TLSv1.2' }, app).listen(443);",
        "```",
      ].join("\n"),
      nextjs:
        "Vercel and Netlify accept TLS 1.2+ only: nothing to do there. Self-hosted, set the minimum in the proxy in front of `next start` (nginx: `ssl_protocols TLSv1.2 TLSv1.3;`, Caddy does it by default).",
      fastapi: [
        "Set it in the TLS-terminating proxy. If uvicorn serves TLS itself, pass an OpenSSL cipher string that needs TLS 1.2 and use a recent Python, whose default minimum is TLS 1.2:",
        "```sh",
        "uvicorn main:app --ssl-keyfile key.pem --ssl-certfile fullchain.pem --ssl-ciphers 'ECDHE+AESGCM:ECDHE+CHACHA20'",
        "```",
      ].join("\n"),
      nginx: [
        "```nginx",
        "ssl_protocols TLSv1.2 TLSv1.3;",
        "```",
        "Put it in the `http {}` block so every server inherits it; a `server {}` that sets its own `ssl_protocols` overrides it. The Mozilla SSL Configuration Generator ('intermediate') gives matching ciphers.",
      ].join("\n"),
      apache: "```apache\nSSLProtocol -all +TLSv1.2 +TLSv1.3\n```",
      cloudflare: "SSL/TLS → Edge Certificates → **Minimum TLS Version**: TLS 1.2.",
      vercel:
        "Vercel's edge accepts TLS 1.2 and 1.3 only; if this host is on Vercel, the old version is being accepted by something else in front of it (a CDN or proxy).",
      netlify:
        "Netlify's edge accepts TLS 1.2 and 1.3 only; if this host is on Netlify, check for another proxy or CDN in front of it.",
    },
    learn: "https-and-hsts#legacy-protocol",
    needs: [TlsHandshakes],
  },
  analyse(artifacts) {
    const accepted = artifacts.read(TlsHandshakes).filter(
      (handshake) =>
        handshake.outcome === "accepted" &&
        LEGACY_VERSIONS.includes(handshake.version) &&
        // What was negotiated, not just what was asked: a server cannot answer with a newer version
        // than offered, but the record must prove the old one was used.
        handshake.protocol === handshake.version,
    );
    const byOrigin = new Map<string, HandshakeRecord[]>();
    for (const handshake of accepted)
      byOrigin.set(handshake.origin, [...(byOrigin.get(handshake.origin) ?? []), handshake]);
    return [...byOrigin].map(([origin, handshakes]): FindingDraft => {
      const names = handshakes.map((handshake) => VERSION_NAMES[handshake.version] ?? handshake.version);
      return {
        url: origin,
        summary: `${origin} completes TLS handshakes using ${names.join(" and ")}.`,
        evidence: handshakes.map(handshakeEvidence),
        details: {
          origin,
          acceptedVersions: names.join(", "),
          ciphers: handshakes
            .map((handshake) => `${handshake.protocol ?? ""}: ${handshake.cipher ?? "?"}`)
            .join("; "),
        },
      };
    });
  },
};

function handshakeEvidence(handshake: HandshakeRecord): Evidence {
  const url = new URL(handshake.origin);
  const port = url.port || "443";
  const name = VERSION_NAMES[handshake.version] ?? handshake.version;
  return {
    note:
      `A TLS handshake offering only ${name} was accepted: the server negotiated ${handshake.protocol ?? "?"} ` +
      `with cipher ${handshake.cipher ?? "?"}${handshake.remoteAddress ? ` (address ${handshake.remoteAddress})` : ""}.`,
    curl: `openssl s_client -connect ${url.hostname}:${port} -servername ${url.hostname} ${S_CLIENT_FLAGS[handshake.version] ?? ""} -cipher 'DEFAULT@SECLEVEL=0' </dev/null`,
  };
}
