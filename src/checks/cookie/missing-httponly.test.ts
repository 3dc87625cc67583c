import assert from "node:assert/strict";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { overHttps, page } from "../../../test/fixtures/headers/pages.ts";

const HTTPS = { scheme: "https" } as const;
const JWT =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

testCheck("cookie.missing-httponly", {
  vulnerable: [
    {
      name: "a Django session cookie readable by scripts",
      site: overHttps(page({ "set-cookie": "sessionid=k3j4h5g6f7d8s9a0; Path=/; Secure; SameSite=Lax" })),
      scan: HTTPS,
      expect: (finding) => assert.equal(finding!.severity, "medium"),
    },
    {
      name: "a cookie holding a JWT, whatever its name",
      site: overHttps(page({ "set-cookie": `user=${JWT}; Path=/; Secure; SameSite=Lax` })),
      scan: HTTPS,
      expect: (finding) => assert.match(finding!.summary, /JWT/),
    },
    {
      name: "Supabase's auth cookie: readable by design, informational",
      site: overHttps(
        page({
          "set-cookie": `sb-abcdefghijklmnopqrst-auth-token=base64-${JWT}; Path=/; Secure; SameSite=Lax`,
        }),
      ),
      scan: HTTPS,
      expect: (finding) => assert.equal(finding!.severity, "info"),
    },
    {
      name: "Supabase's PKCE code verifier: readable by design, informational",
      site: overHttps(
        page({
          "set-cookie":
            "sb-abcdefghijklmnopqrst-auth-token-code-verifier=base64-InZlcmlmaWVyIg; Path=/; Max-Age=600; Secure; SameSite=Lax",
        }),
      ),
      scan: HTTPS,
      expect: (finding) => assert.equal(finding!.severity, "info"),
    },
  ],
  safe: [
    {
      name: "a preference cookie without HttpOnly",
      site: overHttps(page({ "set-cookie": "theme=dark; Path=/; Secure; SameSite=Lax" })),
      scan: HTTPS,
    },
    {
      name: "a double-submit CSRF token, which the front end must read",
      site: overHttps(
        page({ "set-cookie": "XSRF-TOKEN=a1b2c3d4e5f6a7b8c9d0; Path=/; Secure; SameSite=Lax" }),
      ),
      scan: HTTPS,
    },
    {
      name: "Vercel's preview-toolbar token, a JWT the platform sets, not the site",
      site: overHttps(
        page({ "set-cookie": `__vercel_live_token=${JWT}; Path=/; Secure; SameSite=None; Partitioned` }),
      ),
      scan: HTTPS,
    },
    {
      name: "an analytics counter whose name mentions a session",
      site: overHttps(page({ "set-cookie": "session_start=1700000000; Path=/; Secure; SameSite=Lax" })),
      scan: HTTPS,
    },
    {
      name: "an HttpOnly session cookie",
      site: overHttps(
        page({ "set-cookie": "sessionid=k3j4h5g6f7d8s9a0; Path=/; Secure; HttpOnly; SameSite=Lax" }),
      ),
      scan: HTTPS,
    },
  ],
});
