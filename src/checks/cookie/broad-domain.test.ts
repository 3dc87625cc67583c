import assert from "node:assert/strict";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { overHttps, page, recordedHttps } from "../../../test/fixtures/headers/pages.ts";

const HTTPS = { scheme: "https" } as const;

testCheck("cookie.broad-domain", {
  vulnerable: [
    // Scanned live over https, as the host-only cookie below: the probe→artifact path.
    {
      name: "an express-session cookie scoped to the parent domain",
      site: overHttps(
        page({
          "set-cookie":
            "connect.sid=s%3Aabc123.sig; Domain=.fixture.test; Path=/; Secure; HttpOnly; SameSite=Lax",
        }),
      ),
      scan: HTTPS,
      expect: (finding) => {
        assert.equal(finding?.severity, "low");
        assert.equal(finding?.details.domain, "fixture.test");
        assert.match(finding.summary, /app\.fixture\.test with Domain=fixture\.test/);
      },
    },
    {
      name: "a Domain equal to the host still reaches its subdomains (informational)",
      site: recordedHttps({
        "set-cookie": "laravel_session=eyJpdiI6IjEyMyJ9; Domain=app.fixture.test; Path=/; Secure; HttpOnly",
      }),
      expect: (finding) => assert.equal(finding?.severity, "info"),
    },
  ],
  safe: [
    {
      name: "a host-only session cookie (no Domain)",
      site: overHttps(
        page({ "set-cookie": "connect.sid=s%3Aabc123.sig; Path=/; Secure; HttpOnly; SameSite=Lax" }),
      ),
      scan: HTTPS,
    },
    {
      name: "preference, analytics and CDN cookies on the parent domain are not sessions",
      site: recordedHttps({
        "set-cookie": [
          "_ga=GA1.2.123.456; Domain=.fixture.test; Path=/",
          "locale=en; Domain=fixture.test; Path=/",
          "__cf_bm=abc.def-1700000000-1.0.1.1-xyz; path=/; domain=.fixture.test; HttpOnly; Secure; SameSite=None",
        ],
      }),
    },
    {
      name: "a session cookie deleted on the parent domain (logout clears the old scope)",
      site: recordedHttps({
        "set-cookie": "sessionid=; Domain=fixture.test; Path=/; Max-Age=0; Secure; HttpOnly",
      }),
    },
  ],
});
