import assert from "node:assert/strict";
import { testCheck } from "../../../test/tester/check-tester.ts";
import {
  html,
  overHttps,
  page,
  recordedHtml,
  recordedHttps,
  site,
} from "../../../test/fixtures/headers/pages.ts";

const HTTPS = { scheme: "https" } as const;
const SESSION_VALUE = "s%3AR4nd0mS3ss10nIdV4lu3.signatureXYZ";

testCheck("cookie.missing-secure", {
  vulnerable: [
    // Scanned live over https, as "Secure over https" below: the probe→artifact path, and the value kept out.
    {
      name: "an express-session cookie without Secure over https",
      site: overHttps(page({ "set-cookie": `connect.sid=${SESSION_VALUE}; Path=/; HttpOnly; SameSite=Lax` })),
      scan: HTTPS,
      expect: (finding, report) => {
        assert.equal(finding!.severity, "medium");
        assert.equal(finding!.details.cookie, "connect.sid");
        assert.match(finding!.details.setCookie!, /^connect\.sid=\[redacted, \d+ chars\]; Path=\/; HttpOnly/);
        // The value never reaches the report, not even in the evidence.
        assert.ok(!JSON.stringify(report).includes("R4nd0mS3ss10n"));
      },
    },
    {
      name: "a session cookie set over plain http",
      site: recordedHtml({ "set-cookie": `PHPSESSID=9f8e7d6c5b4a39281706; path=/; HttpOnly` }),
      expect: (finding) => assert.match(finding!.summary, /plain http/),
    },
    {
      name: "a preference cookie over https without Secure (informational)",
      site: recordedHttps({ "set-cookie": "theme=dark; Path=/; SameSite=Lax" }),
      expect: (finding) => assert.equal(finding!.severity, "info"),
    },
    // Scanned live: the documents probe must find the linked page.
    {
      name: "one finding per cookie and host, however many pages set it",
      site: site({
        "/": {
          headers: { "set-cookie": `sessionid=${SESSION_VALUE}; Path=/; HttpOnly` },
          body: html("", '<a href="/login">Log in</a>'),
        },
        "/login": { headers: { "set-cookie": `sessionid=${SESSION_VALUE}; Path=/; HttpOnly` } },
      }),
      expect: (finding, report) => {
        assert.equal(report.findings.filter((f) => f.id === "cookie.missing-secure").length, 1);
        assert.equal(finding!.urls.length, 2);
      },
    },
  ],
  safe: [
    // Scanned live over https.
    {
      name: "Secure over https",
      site: overHttps(
        page({ "set-cookie": `connect.sid=${SESSION_VALUE}; Path=/; Secure; HttpOnly; SameSite=Lax` }),
      ),
      scan: HTTPS,
    },
    {
      name: "a preference cookie over plain http",
      site: recordedHtml({ "set-cookie": "theme=dark; Path=/" }),
    },
    {
      name: "a logout that deletes the session cookie",
      site: recordedHttps({ "set-cookie": "connect.sid=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT" }),
    },
    {
      name: "a cookie whose Domain does not cover the host (browsers drop it)",
      site: recordedHttps({ "set-cookie": `sessionid=${SESSION_VALUE}; Domain=other.test; Path=/` }),
    },
  ],
});
