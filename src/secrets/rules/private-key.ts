import { CVSS_ACCOUNT_TAKEOVER } from "../cvss-vectors.ts";
import { BASE64, fakeChars, fakePem } from "../fake.ts";
import { isPlaceholder } from "../placeholder.ts";
import type { SecretRule } from "../rule.ts";

const MIN_BODY = 40;
const BEGIN = /^-----BEGIN ([A-Z0-9 ]*?)PRIVATE KEY(?: BLOCK)?-----/;

/** The base64 body of a PEM block as written in code (real newlines or "\n" escapes, headers dropped). */
function pemBody(block: string): string {
  return block
    .replace(/-----(?:BEGIN|END)[^-]*-----/g, "")
    .replace(/\\[rn]/g, "\n")
    .split("\n")
    .filter((line) => !line.includes(":"))
    .join("")
    .replace(/\s+/g, "");
}

/** A PEM private key block (RSA, EC, DSA, OpenSSH, PKCS#8, PGP), in a string or a file. */
export const privateKey: SecretRule = {
  name: "private-key",
  provider: "PEM",
  findingId: "secret.private-key",
  keywords: [" KEY-", " KEY BLOCK-"],
  window: { before: 64, after: 8000 },
  // The body never holds "-----" (a dash is taken only when four more do not follow), so from a BEGIN the
  // lazy body stops at the next header or footer: each character is read for one BEGIN at most, and a
  // hostile text of BEGIN lines with no END costs linear time, not 7,000 characters per BEGIN.
  pattern:
    /-----BEGIN [A-Z0-9 ]{0,24}?PRIVATE KEY(?: BLOCK)?-----(?:\\[rn]|[\r\n\t A-Za-z0-9+/=:,]|-(?!----)){40,7000}?-----END [A-Z0-9 ]{0,24}?PRIVATE KEY(?: BLOCK)?-----/g,
  confidence: "high",
  verify(secret) {
    const body = pemBody(secret);
    // An Ed25519 key in PKCS#8 is 64 characters of base64, a PGP block's body can be as short: 40 is below
    // any real key and above the "MIIE..." stubs of documentation.
    if (body.length < MIN_BODY || isPlaceholder(body) || !/^[A-Za-z0-9+/=]+$/.test(body)) return null;
    const kind = (BEGIN.exec(secret)?.[1] ?? "").trim();
    const encrypted = kind === "ENCRYPTED" || secret.includes("ENCRYPTED");
    return {
      kind: "secret",
      label: `${kind && kind !== "ENCRYPTED" ? `${kind} ` : ""}private key${encrypted ? " (encrypted)" : ""}`,
      cvss: CVSS_ACCOUNT_TAKEOVER,
    };
  },
  visiblePrefix: (secret) => BEGIN.exec(secret)?.[0] ?? "",
  redact: (secret) =>
    `${BEGIN.exec(secret)?.[0] ?? "-----BEGIN PRIVATE KEY-----"}…(${secret.length} characters)`,
  samples: {
    secret: [
      `const key = \`${fakePem("RSA PRIVATE KEY", 1190, "pem-rsa")}\`;`,
      `{"key":"${fakePem("PRIVATE KEY", 1216, "pem-pkcs8", "\\n")}"}`,
      fakePem("OPENSSH PRIVATE KEY", 400, "pem-ssh"),
      // Short bodies: an Ed25519 key in PKCS#8 (48 bytes) and a small PGP private key block.
      `const k="${fakePem("PRIVATE KEY", 48, "pem-ed25519", "\\n")}"`,
      fakePgpBlock("PRIVATE", 45, "pgp-private"),
    ],
    notSecret: [
      fakePem("PUBLIC KEY", 294, "pem-public"),
      fakePem("CERTIFICATE", 900, "pem-cert"),
      "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----",
      "-----BEGIN PRIVATE KEY-----\\nYOUR_PRIVATE_KEY_HERE\\n-----END PRIVATE KEY-----",
      'if(s.startsWith("-----BEGIN PRIVATE KEY-----"))return parsePkcs8(s)',
      "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----",
      fakePgpBlock("PUBLIC", 300, "pgp-public"),
    ],
  },
};

/** An ASCII-armoured PGP key block (header line, blank line, body, "=" checksum line). */
function fakePgpBlock(kind: "PRIVATE" | "PUBLIC", bytes: number, seed: string): string {
  const body = fakeChars(seed, Math.ceil((bytes * 4) / 3), BASE64).match(/.{1,64}/g) ?? [];
  return [
    `-----BEGIN PGP ${kind} KEY BLOCK-----`,
    "Version: GnuPG v2",
    "",
    ...body,
    `=${fakeChars(`${seed}-crc`, 4, BASE64)}`,
    `-----END PGP ${kind} KEY BLOCK-----`,
  ].join("\n");
}
