import { type Check, evidenceFrom, type TlsObservation } from "../../core/index.ts";
import { certificateDetails, describeCertificate, SiteCertificates } from "../../artifacts/index.ts";
import { MOZILLA_TLS_CONFIG, OWASP_TLS } from "./shared.ts";

/** NIST SP 800-131A and the CA/Browser Forum Baseline Requirements: RSA (and DSA) keys of at least 2048 bits. */
const MIN_RSA_BITS = 2048;

/** Signature algorithms whose hash is broken for certificates (collisions: MD5 in 2008, SHA-1 in 2017). */
const WEAK_SIGNATURE_OIDS: Readonly<Record<string, string>> = {
  "1.2.840.113549.1.1.2": "MD2 with RSA",
  "1.2.840.113549.1.1.3": "MD4 with RSA",
  "1.2.840.113549.1.1.4": "MD5 with RSA",
  "1.2.840.113549.1.1.5": "SHA-1 with RSA",
  "1.3.14.3.2.29": "SHA-1 with RSA",
  "1.2.840.10045.4.1": "ECDSA with SHA-1",
  "1.2.840.10040.4.3": "DSA with SHA-1",
};

export const certificateWeak: Check = {
  meta: {
    id: "tls.certificate-weak",
    title: "The HTTPS certificate uses a short RSA key or a SHA-1 signature",
    cvss: "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:L/A:N",
    cwe: "CWE-326",
    references: [
      OWASP_TLS,
      {
        title: "CA/Browser Forum Baseline Requirements (key sizes, signature algorithms)",
        url: "https://cabforum.org/working-groups/server/baseline-requirements/requirements/",
      },
      { title: "SHAttered: the first SHA-1 collision", url: "https://shattered.io/" },
      MOZILLA_TLS_CONFIG,
      {
        title: "CWE-326: Inadequate Encryption Strength",
        url: "https://cwe.mitre.org/data/definitions/326.html",
      },
    ],
    explanation:
      "The certificate your site presents is weaker than anything a public certificate authority issues today. " +
      "An RSA key under 2048 bits (1024 bits has been within reach of well-funded attackers for years) can be factored, giving whoever does it your server's identity; " +
      "a SHA-1 or MD5 signature can be forged with a collision attack (demonstrated for SHA-1 in 2017), which lets someone make a certificate that looks signed by the same issuer. " +
      "Browsers refuse both for public sites, so this usually means an old certificate, a private CA, or a device that made its own. " +
      "Replace it: a new certificate with an RSA 2048+ or ECDSA P-256 key, signed with SHA-256, is free from Let's Encrypt.",
    fixes: {
      express: [
        "Get a new certificate with a strong key (or let a proxy or platform handle TLS):",
        "```sh",
        "openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout key.pem -out site.csr -subj '/CN=example.com'",
        "# or let certbot create key and certificate: certbot certonly --key-type ecdsa -d example.com",
        "```",
        "then `https.createServer({ key: fs.readFileSync('key.pem'), cert: fs.readFileSync('fullchain.pem') }, app)`.",
      ].join("\n"),
      nextjs:
        "Vercel and Netlify issue strong certificates automatically; if this domain shows a weak one, a custom certificate was uploaded or another proxy answers: remove the uploaded certificate (Vercel: Project → Settings → Domains) so the platform issues its own.",
      fastapi: [
        "Issue a new certificate (certbot, `--key-type ecdsa` or `--rsa-key-size 2048`) and give it to the proxy or to uvicorn:",
        "```sh",
        "uvicorn main:app --ssl-keyfile privkey.pem --ssl-certfile fullchain.pem",
        "```",
      ].join("\n"),
      nginx: [
        "```sh",
        "certbot --nginx --key-type ecdsa -d example.com -d www.example.com",
        "```",
        "or point `ssl_certificate` / `ssl_certificate_key` at a new certificate with a 2048-bit RSA or P-256 key, then `nginx -s reload`.",
      ].join("\n"),
      cloudflare:
        "Cloudflare's edge certificates are strong; a weak one here comes from a custom certificate uploaded under SSL/TLS → Edge Certificates: replace or delete it.",
    },
    learn: "https-and-hsts#certificate-weak",
    needs: [SiteCertificates],
  },
  analyse(artifacts) {
    return artifacts.read(SiteCertificates).flatMap((certificate) => {
      const facts = certificate.observation.certificate;
      if (!facts) return [];
      const weaknesses = weaknessesOf(facts);
      if (weaknesses.length === 0) return [];
      return [
        {
          url: certificate.origin,
          summary: `The certificate of ${certificate.origin} ${weaknesses.join(" and ")}.`,
          evidence: [
            evidenceFrom(
              certificate.exchange,
              `${describeCertificate(certificate)} ${keyAndSignature(facts)}`,
              {
                headers: [],
                excerpt: "",
              },
            ),
          ],
          details: {
            ...certificateDetails(certificate),
            ...(facts.keyType ? { keyType: facts.keyType } : {}),
            ...(facts.keyBits !== undefined ? { keyBits: String(facts.keyBits) } : {}),
            ...(facts.signatureAlgorithm ? { signatureAlgorithm: facts.signatureAlgorithm } : {}),
          },
        },
      ];
    });
  },
};

function weaknessesOf(facts: NonNullable<TlsObservation["certificate"]>): string[] {
  const weaknesses: string[] = [];
  if (
    (facts.keyType === "rsa" || facts.keyType === "rsa-pss" || facts.keyType === "dsa") &&
    facts.keyBits !== undefined
  ) {
    if (facts.keyBits < MIN_RSA_BITS)
      weaknesses.push(
        `has a ${facts.keyBits}-bit ${facts.keyType.toUpperCase()} key (at least ${MIN_RSA_BITS} is needed)`,
      );
  }
  const weakSignature =
    (facts.signatureAlgorithmOid && WEAK_SIGNATURE_OIDS[facts.signatureAlgorithmOid]) ??
    (facts.signatureAlgorithm &&
    /^(md[245]|sha1)with|with-?sha1$|^sha1[-_]?rsa/i.test(facts.signatureAlgorithm)
      ? facts.signatureAlgorithm
      : undefined);
  if (weakSignature) weaknesses.push(`is signed with ${weakSignature}`);
  return weaknesses;
}

function keyAndSignature(facts: NonNullable<TlsObservation["certificate"]>): string {
  const key = facts.keyType ? `Key: ${facts.keyType}${facts.keyBits ? ` ${facts.keyBits} bits` : ""}.` : "";
  const signature = facts.signatureAlgorithm ? ` Signature: ${facts.signatureAlgorithm}.` : "";
  return `${key}${signature}`.trim();
}
