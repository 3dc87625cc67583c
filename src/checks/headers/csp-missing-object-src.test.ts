import assert from "node:assert/strict";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { helmetApp, html, page } from "../../../test/fixtures/headers/pages.ts";

testCheck("headers.csp-missing-object-src", {
  vulnerable: [
    {
      name: "script-src without object-src or default-src",
      site: page({ "content-security-policy": "script-src 'self'; base-uri 'none'" }),
      expect: (finding) => assert.equal(finding!.details.directive, "object-src"),
    },
    {
      name: "the same in a <meta> policy",
      site: page({}, html(`<meta http-equiv="Content-Security-Policy" content="script-src 'self'">`)),
    },
  ],
  safe: [
    { name: "default-src covers plugins", site: page({ "content-security-policy": "default-src 'self'" }) },
    {
      name: "object-src 'none'",
      site: page({ "content-security-policy": "script-src 'self'; object-src 'none'" }),
    },
    {
      name: "one of two policies restricts plugins",
      site: page({ "content-security-policy": ["script-src 'self'", "object-src 'none'"] }),
    },
    { name: "no CSP at all (that is headers.csp-missing)", site: page({}) },
    { name: "helmet defaults", site: helmetApp() },
  ],
});
