import { CVSS_ACCOUNT_TAKEOVER } from "../cvss-vectors.ts";
import { fakePem } from "../fake.ts";
import { isPlaceholder } from "../placeholder.ts";
import type { SecretRule } from "../rule.ts";

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
  keywords: [" KEY-"],
  window: { before: 64, after: 8000 },
  // The body never holds "-----" (a dash is taken only when four more do not follow), so from a BEGIN the
  // lazy body stops at the next header or footer: each character is read for one BEGIN at most, and a
  // hostile text of BEGIN lines with no END costs linear time, not 7,000 characters per BEGIN.
  pattern:
    /-----BEGIN [A-Z0-9 ]{0,24}?PRIVATE KEY(?: BLOCK)?-----(?:\\[rn]|[\r\n\t A-Za-z0-9+/=:,]|-(?!----)){64,7000}?-----END [A-Z0-9 ]{0,24}?PRIVATE KEY(?: BLOCK)?-----/g,
  confidence: "high",
  verify(secret) {
    const body = pemBody(secret);
    if (body.length < 100 || isPlaceholder(body) || !/^[A-Za-z0-9+/=]+$/.test(body)) return null;
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
    ],
    notSecret: [
      fakePem("PUBLIC KEY", 294, "pem-public"),
      fakePem("CERTIFICATE", 900, "pem-cert"),
      "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----",
      "-----BEGIN PRIVATE KEY-----\\nYOUR_PRIVATE_KEY_HERE\\n-----END PRIVATE KEY-----",
      'if(s.startsWith("-----BEGIN PRIVATE KEY-----"))return parsePkcs8(s)',
    ],
  },
};
