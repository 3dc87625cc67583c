import { CVSS_ACCOUNT_TAKEOVER, CVSS_PARTIAL_CREDENTIAL } from "../cvss-vectors.ts";
import { BASE64URL, fakeChars, fakePem, join } from "../fake.ts";
import type { SecretRule } from "../rule.ts";
import { looksRandom, nearby } from "../token-shape.ts";

/** Google OAuth client secrets (GOCSPX-...): with the client id, an attacker can mint tokens as your app. */
export const googleOAuthSecret: SecretRule = {
  name: "google-oauth-client-secret",
  provider: "Google",
  findingId: "secret.google-oauth-secret",
  keywords: ["OCSPX-"],
  window: { before: 2, after: 40 },
  pattern: /(?<![A-Za-z0-9_-])(?<secret>GOCSPX-[A-Za-z0-9_-]{28})(?![A-Za-z0-9_-])/g,
  confidence: "high",
  verify(secret) {
    if (!looksRandom(secret.slice(7), 3.5)) return null;
    return { kind: "secret", label: "Google OAuth client secret", cvss: CVSS_PARTIAL_CREDENTIAL };
  },
  visiblePrefix: () => "GOCSPX-",
  samples: {
    secret: [
      `{client_id:"1234-abc.apps.googleusercontent.com",client_secret:"${join("GOC", "SPX-", fakeChars("gocspx", 28, BASE64URL))}"}`,
    ],
    notSecret: ["GOCSPX-xxxxxxxxxxxxxxxxxxxxxxxxxxxx", "GOCSPX-<your-client-secret>"],
  },
};

/** A Google Cloud service-account key file (JSON with "type": "service_account" and a private key). */
export const googleServiceAccount: SecretRule = {
  name: "google-service-account",
  provider: "Google Cloud",
  findingId: "secret.google-oauth-secret",
  keywords: ["service_account"],
  window: { before: 20, after: 6000 },
  pattern:
    /\\?"type\\?"\s*:\s*\\?"service_account\\?"[\s\S]{0,1500}?\\?"private_key\\?"\s*:\s*\\?"(?<secret>-----BEGIN [A-Z ]*PRIVATE KEY-----[^"]{100,5000}?-----END [A-Z ]*PRIVATE KEY-----(?:\\\\n|\\n)?)\\?"/g,
  confidence: "high",
  // The private key inside would also match the PEM rule: this more specific rule reports it once.
  priority: -1,
  verify(_secret, context) {
    const clientEmail = nearby(
      context.text,
      context.start,
      context.end + 1000,
      /client_email\\?"\s*:\s*\\?"([a-z0-9@._-]{5,200})\\?"/,
    );
    return {
      kind: "secret",
      label: "Google Cloud service-account key",
      cvss: CVSS_ACCOUNT_TAKEOVER,
      ...(clientEmail ? { facts: { clientEmail } } : {}),
    };
  },
  visiblePrefix: () => "-----BEGIN PRIVATE KEY-----",
  redact: (secret) => `-----BEGIN PRIVATE KEY-----…(${secret.length} characters)`,
  samples: {
    secret: [
      JSON.stringify({
        type: "service_account",
        project_id: "shop-prod-4821",
        private_key_id: fakeChars("sa-key-id", 40, "0123456789abcdef"),
        private_key: `${fakePem("PRIVATE KEY", 1216, "sa-pem")}\n`,
        client_email: "backend@shop-prod-4821.iam.gserviceaccount.com",
      }),
    ],
    notSecret: ['if(cred.type==="service_account")loadKey(cred)', '{"type":"service_account"}'],
  },
};
