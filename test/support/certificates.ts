import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import tls from "node:tls";

/**
 * Certificates for TLS fixtures, made at run time with the `openssl` CLI in a temporary directory: a test
 * CA, leaves it signs (any validity window, any names) and self-signed leaves. `openssl ca` is used for
 * leaves because OpenSSL 3.0's `x509 -req` cannot set a start date (an expired or not-yet-valid
 * certificate needs one). EC keys keep generation fast.
 */
export interface KeyPair {
  key: string;
  cert: string;
}

export interface LeafOptions {
  /** DNS names for subjectAltName; the first is also the common name. */
  names: readonly string[];
  notBefore?: Date;
  notAfter?: Date;
  /** The leaf's key: EC P-256 by default (fast); "rsa:1024" or "rsa:2048" for key-size cases. */
  key?: "ec" | "rsa:1024" | "rsa:2048";
  /** The digest the CA signs the leaf with: sha256 by default, sha1 for a weak-signature case. */
  digest?: "sha256" | "sha1";
}

export interface TestCa extends KeyPair {
  issue(options: LeafOptions): KeyPair;
  /** A self-signed leaf valid from now for `days` (default 30). */
  selfSigned(names: readonly string[], days?: number): KeyPair;
}

const DAY_MS = 86_400_000;

let shared: TestCa | undefined;

/** The process's test CA (made once). Call `trustTestCa()` to make this process's TLS clients trust it. */
export function testCa(): TestCa {
  shared ??= createCa();
  return shared;
}

/** Another CA, never trusted: what a leaf from a private or unknown authority looks like to a browser. */
export function untrustedCa(): TestCa {
  return createCa();
}

/** Adds the test CA to this process's default trust store, as a real site's public CA would be. */
export function trustTestCa(): void {
  tls.setDefaultCACertificates([...tls.getCACertificates("default"), testCa().cert]);
}

function createCa(): TestCa {
  const dir = mkdtempSync(join(tmpdir(), "amihackable-certs-"));
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  const ecKey = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];

  openssl(
    "req",
    "-x509",
    ...ecKey,
    "-keyout",
    "ca.key",
    "-out",
    "ca.pem",
    "-subj",
    "/CN=amihackable test CA",
    "-days",
    "30",
    "-addext",
    "basicConstraints=critical,CA:TRUE",
    "-addext",
    "keyUsage=critical,keyCertSign,cRLSign",
  );
  writeFileSync(file("index.txt"), "");
  writeFileSync(file("serial"), "1000\n");
  let counter = 0;

  return {
    key: readFileSync(file("ca.key"), "utf8"),
    cert: readFileSync(file("ca.pem"), "utf8"),
    issue({ names, notBefore, notAfter, key = "ec", digest = "sha256" }) {
      const n = ++counter;
      const now = Date.now();
      writeFileSync(file(`leaf${n}.cnf`), caConfig(names));
      const leafKey = key === "ec" ? ecKey : ["-newkey", key, "-nodes"];
      openssl(
        "req",
        ...leafKey,
        "-keyout",
        `leaf${n}.key`,
        "-out",
        `leaf${n}.csr`,
        "-subj",
        `/CN=${names[0]}`,
      );
      openssl(
        "ca",
        "-batch",
        "-notext",
        "-config",
        `leaf${n}.cnf`,
        "-cert",
        "ca.pem",
        "-keyfile",
        "ca.key",
        "-in",
        `leaf${n}.csr`,
        "-out",
        `leaf${n}.pem`,
        "-startdate",
        asn1Time(notBefore ?? new Date(now - DAY_MS)),
        "-enddate",
        asn1Time(notAfter ?? new Date(now + 90 * DAY_MS)),
        "-md",
        digest,
        "-extensions",
        "leaf",
      );
      return {
        key: readFileSync(file(`leaf${n}.key`), "utf8"),
        cert: readFileSync(file(`leaf${n}.pem`), "utf8"),
      };
    },
    selfSigned(names, days = 30) {
      const n = ++counter;
      openssl(
        "req",
        "-x509",
        ...ecKey,
        "-keyout",
        `self${n}.key`,
        "-out",
        `self${n}.pem`,
        "-subj",
        `/CN=${names[0]}`,
        "-days",
        String(days),
        "-addext",
        `subjectAltName=${names.map((name) => `DNS:${name}`).join(",")}`,
      );
      return {
        key: readFileSync(file(`self${n}.key`), "utf8"),
        cert: readFileSync(file(`self${n}.pem`), "utf8"),
      };
    },
  };
}

function caConfig(names: readonly string[]): string {
  return [
    "[ ca ]",
    "default_ca = test_ca",
    "[ test_ca ]",
    "database = index.txt",
    "new_certs_dir = .",
    "serial = serial",
    "default_md = sha256",
    "policy = policy_any",
    "unique_subject = no",
    "[ policy_any ]",
    "commonName = supplied",
    "[ leaf ]",
    "basicConstraints = CA:FALSE",
    "extendedKeyUsage = serverAuth",
    `subjectAltName = ${names.map((name) => `DNS:${name}`).join(",")}`,
    "",
  ].join("\n");
}

/** OpenSSL's GeneralizedTime form: YYYYMMDDHHMMSSZ. */
function asn1Time(date: Date): string {
  return `${date.toISOString().replace(/[-:T]/g, "").slice(0, 14)}Z`;
}
