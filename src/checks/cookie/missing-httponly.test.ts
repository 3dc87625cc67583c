import assert from "node:assert/strict";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { overHttps, page, recordedHttps } from "../../../test/fixtures/headers/pages.ts";

const HTTPS = { scheme: "https" } as const;
const JWT =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

testCheck("cookie.missing-httponly", {
  vulnerable: [
    // Scanned live over https, as the HttpOnly session cookie below: the probe→artifact path.
    {
      name: "a Django session cookie readable by scripts",
      site: overHttps(page({ "set-cookie": "sessionid=k3j4h5g6f7d8s9a0; Path=/; Secure; SameSite=Lax" })),
      scan: HTTPS,
      expect: (finding) => assert.equal(finding!.severity, "medium"),
    },
    {
      name: "a cookie holding a JWT, whatever its name",
      site: recordedHttps({ "set-cookie": `user=${JWT}; Path=/; Secure; SameSite=Lax` }),
      expect: (finding) => assert.match(finding!.summary, /JWT/),
    },
    {
      name: "Supabase's auth cookie: readable by design, informational",
      site: recordedHttps({
        "set-cookie": `sb-abcdefghijklmnopqrst-auth-token=base64-${JWT}; Path=/; Secure; SameSite=Lax`,
      }),
      expect: (finding) => assert.equal(finding!.severity, "info"),
    },
    {
      name: "Supabase's PKCE code verifier: readable by design, informational",
      site: recordedHttps({
        "set-cookie":
          "sb-abcdefghijklmnopqrst-auth-token-code-verifier=base64-InZlcmlmaWVyIg; Path=/; Max-Age=600; Secure; SameSite=Lax",
      }),
      expect: (finding) => assert.equal(finding!.severity, "info"),
    },
  ],
  safe: [
    {
      name: "a preference cookie without HttpOnly",
      site: recordedHttps({ "set-cookie": "theme=dark; Path=/; Secure; SameSite=Lax" }),
    },
    {
      name: "a double-submit CSRF token, which the front end must read",
      site: recordedHttps({ "set-cookie": "XSRF-TOKEN=a1b2c3d4e5f6a7b8c9d0; Path=/; Secure; SameSite=Lax" }),
    },
    {
      name: "Vercel's preview-toolbar token, a JWT the platform sets, not the site",
      site: recordedHttps({
        "set-cookie": `__vercel_live_token=${JWT}; Path=/; Secure; SameSite=None; Partitioned`,
      }),
    },
    {
      name: "an analytics counter whose name mentions a session",
      site: recordedHttps({ "set-cookie": "session_start=1700000000; Path=/; Secure; SameSite=Lax" }),
    },
    // Scanned live over https.
    {
      name: "an HttpOnly session cookie",
      site: overHttps(
        page({ "set-cookie": "sessionid=k3j4h5g6f7d8s9a0; Path=/; Secure; HttpOnly; SameSite=Lax" }),
      ),
      scan: HTTPS,
    },
  ],
});
