import assert from "node:assert/strict";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { helmetApp, html, page, recordedHtml } from "../../../test/fixtures/headers/pages.ts";

testCheck("headers.csp-missing-object-src", {
  vulnerable: [
    {
      name: "script-src without object-src or default-src",
      site: recordedHtml({ "content-security-policy": "script-src 'self'; base-uri 'none'" }),
      expect: (finding) => assert.equal(finding!.details.directive, "object-src"),
    },
    // Scanned live: the probe→artifact path, body markup included.
    {
      name: "the same in a <meta> policy",
      site: page({}, html(`<meta http-equiv="Content-Security-Policy" content="script-src 'self'">`)),
    },
  ],
  safe: [
    {
      name: "default-src covers plugins",
      site: recordedHtml({ "content-security-policy": "default-src 'self'" }),
    },
    {
      name: "object-src 'none'",
      site: recordedHtml({ "content-security-policy": "script-src 'self'; object-src 'none'" }),
    },
    {
      name: "one of two policies restricts plugins",
      site: recordedHtml({ "content-security-policy": ["script-src 'self'", "object-src 'none'"] }),
    },
    { name: "no CSP at all (that is headers.csp-missing)", site: recordedHtml({}) },
    // A real framework's defaults, scanned live.
    { name: "helmet defaults", site: helmetApp() },
  ],
});
