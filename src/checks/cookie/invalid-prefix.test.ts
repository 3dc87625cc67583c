import assert from "node:assert/strict";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { overHttps, page, recordedHtml, recordedHttps } from "../../../test/fixtures/headers/pages.ts";

const HTTPS = { scheme: "https" } as const;

testCheck("cookie.invalid-prefix", {
  vulnerable: [
    // Scanned live over https with the whole cookie family: the other attribute checks must stay silent.
    {
      name: "__Host- with a Domain",
      site: overHttps(
        page({ "set-cookie": "__Host-sid=abc123def456; Secure; Path=/; Domain=fixture.test; HttpOnly" }),
      ),
      scan: { ...HTTPS, only: ["cookie"] },
      expect: (finding, report) => {
        assert.match(finding!.summary, /Domain=fixture\.test/);
        // The cookie is refused, so the attribute checks say nothing more about it.
        assert.deepEqual(
          report.findings.map((f) => f.id),
          ["cookie.invalid-prefix"],
        );
      },
    },
    {
      name: "__Host- without Path=/",
      site: recordedHttps({
        "set-cookie": "__Host-sid=abc123def456; Secure; Path=/app; HttpOnly; SameSite=Lax",
      }),
    },
    {
      name: "__Secure- without Secure",
      site: recordedHttps({ "set-cookie": "__Secure-token=abc123def456; Path=/; HttpOnly; SameSite=Lax" }),
    },
    {
      name: "a lower-case __host- prefix set over plain http",
      site: recordedHtml({ "set-cookie": "__host-sid=abc123def456; Secure; Path=/" }),
      expect: (finding) => assert.match(finding!.summary, /plain http/),
    },
  ],
  safe: [
    {
      name: "a correct __Host- cookie",
      site: recordedHttps({
        "set-cookie": "__Host-sid=abc123def456; Secure; Path=/; HttpOnly; SameSite=Lax",
      }),
    },
    // Scanned live over https.
    {
      name: "a correct __Secure- cookie with a Domain",
      site: overHttps(
        page({
          "set-cookie":
            "__Secure-next-auth.session-token=abc; Domain=fixture.test; Path=/; Secure; HttpOnly; SameSite=Lax",
        }),
      ),
      scan: HTTPS,
    },
  ],
});
