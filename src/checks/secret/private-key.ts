import type { Check } from "../../core/index.ts";
import { CVSS_ACCOUNT_TAKEOVER } from "../../secrets/index.ts";
import { PUBLIC_BY_DOWNLOAD, SECRET_NEEDS, referencesWith, secretFixes } from "./shared.ts";
import { secretDrafts } from "./secret-drafts.ts";

export const privateKey: Check = {
  meta: {
    id: "secret.private-key",
    title: "A private key is in code every visitor downloads",
    cvss: CVSS_ACCOUNT_TAKEOVER,
    cwe: "CWE-321",
    references: referencesWith({
      title: "CWE-321: Use of Hard-coded Cryptographic Key",
      url: "https://cwe.mitre.org/data/definitions/321.html",
    }),
    explanation:
      "A PEM private key (`-----BEGIN ... PRIVATE KEY-----`) is in your site's HTML or JavaScript. Whoever has it can sign as you: mint JWTs your API accepts, log in to servers that trust the matching public key, impersonate your TLS certificate, or decrypt what was encrypted for you. A private key never has a reason to be in browser code; only public keys belong there. " +
      PUBLIC_BY_DOWNLOAD,
    fixes: secretFixes(
      "Treat the key as compromised: generate a new key pair, replace the public key wherever it is trusted (JWT verifiers, `authorized_keys`, certificates, deploy keys) and revoke anything issued from the old one.",
      "PRIVATE_KEY",
    ),
    learn: "secrets-in-bundles#private-key",
    needs: SECRET_NEEDS,
  },
  analyse: (artifacts) => secretDrafts(artifacts, "secret.private-key"),
};
