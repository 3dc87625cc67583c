import assert from "node:assert/strict";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { overHttps, page, recordedHttps } from "../../../test/fixtures/headers/pages.ts";

const HTTPS = { scheme: "https" } as const;

testCheck("cookie.missing-samesite", {
  vulnerable: [
    // Scanned live over https, as SameSite=Lax below: the probe→artifact path.
    {
      name: "a Laravel session cookie without SameSite",
      site: overHttps(
        page({ "set-cookie": "laravel_session=eyJpdiI6IjEyMyJ9abcdef; path=/; secure; httponly" }),
      ),
      scan: HTTPS,
    },
    {
      name: "a SameSite value no browser knows",
      site: recordedHttps({
        "set-cookie": "JSESSIONID=0A1B2C3D4E5F; Path=/; Secure; HttpOnly; SameSite=Loose",
      }),
      expect: (finding) => assert.match(finding!.summary, /does not recognise|do not recognise/),
    },
    {
      name: "WordPress's login cookie, which it sets without SameSite",
      site: recordedHttps({
        "set-cookie":
          "wordpress_logged_in_0123456789abcdef0123456789abcdef=admin%7C1700000000%7Ctoken; path=/; secure; HttpOnly",
      }),
      expect: (finding) => assert.match(finding!.summary, /WordPress/),
    },
  ],
  safe: [
    // Scanned live over https.
    {
      name: "SameSite=Lax",
      site: overHttps(
        page({ "set-cookie": "laravel_session=abcdef; path=/; secure; httponly; samesite=lax" }),
      ),
      scan: HTTPS,
    },
    {
      name: "Cloudflare's and AWS ALB's own cookies (SameSite=None; Secure, or no SameSite at all)",
      site: recordedHttps({
        "set-cookie": [
          "__cf_bm=abc.def-1700000000-1.0.1.1-xyz; path=/; domain=.fixture.test; HttpOnly; Secure; SameSite=None",
          "_cfuvid=abc-1700000000000-0.0.1.1-604800000; path=/; domain=.fixture.test; HttpOnly; Secure; SameSite=None",
          "AWSALB=AbCdEf/GhIjKl==; Expires=Wed, 02 Dec 2037 10:44:12 GMT; Path=/",
          "AWSALBCORS=AbCdEf/GhIjKl==; Expires=Wed, 02 Dec 2037 10:44:12 GMT; Path=/; SameSite=None; Secure",
          "wordpress_test_cookie=WP%20Cookie%20check; path=/; secure",
          "wp-settings-time-1=1700000000; path=/",
        ],
      }),
      expect: (_finding, report) => assert.deepEqual(report.findings, []),
    },
    {
      name: "a preference cookie without SameSite",
      site: recordedHttps({ "set-cookie": "locale=en-GB; Path=/; Secure" }),
    },
  ],
});
