import assert from "node:assert/strict";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { overHttps, page } from "../../../test/fixtures/headers/pages.ts";

const HTTPS = { scheme: "https" } as const;

testCheck("cookie.missing-samesite", {
  vulnerable: [
    {
      name: "a Laravel session cookie without SameSite",
      site: overHttps(
        page({ "set-cookie": "laravel_session=eyJpdiI6IjEyMyJ9abcdef; path=/; secure; httponly" }),
      ),
      scan: HTTPS,
    },
    {
      name: "a SameSite value no browser knows",
      site: overHttps(
        page({ "set-cookie": "JSESSIONID=0A1B2C3D4E5F; Path=/; Secure; HttpOnly; SameSite=Loose" }),
      ),
      scan: HTTPS,
      expect: (finding) => assert.match(finding!.summary, /does not recognise|do not recognise/),
    },
  ],
  safe: [
    {
      name: "SameSite=Lax",
      site: overHttps(
        page({ "set-cookie": "laravel_session=abcdef; path=/; secure; httponly; samesite=lax" }),
      ),
      scan: HTTPS,
    },
    {
      name: "a preference cookie without SameSite",
      site: overHttps(page({ "set-cookie": "locale=en-GB; Path=/; Secure" })),
      scan: HTTPS,
    },
  ],
});
