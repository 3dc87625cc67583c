import assert from "node:assert/strict";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { helmetApp, page, recordedHtml } from "../../../test/fixtures/headers/pages.ts";

testCheck("headers.csp-unsafe-eval", {
  vulnerable: [
    {
      name: "script-src 'self' 'unsafe-eval'",
      site: recordedHtml({ "content-security-policy": "script-src 'self' 'unsafe-eval'; object-src 'none'" }),
      expect: (finding) => {
        assert.equal(finding!.details.directive, "script-src");
        assert.equal(finding!.severity, "low");
      },
    },
    // Scanned live: the probe→artifact path.
    {
      name: "'unsafe-eval' through default-src",
      site: page({ "content-security-policy": "default-src 'self' 'unsafe-eval'" }),
    },
  ],
  safe: [
    {
      name: "'wasm-unsafe-eval' only",
      site: recordedHtml({
        "content-security-policy": "script-src 'self' 'wasm-unsafe-eval'; object-src 'none'",
      }),
    },
    {
      name: "a second enforced policy without 'unsafe-eval'",
      site: recordedHtml({
        "content-security-policy": ["script-src 'self' 'unsafe-eval'", "script-src 'self'"],
      }),
    },
    // A real framework's defaults, scanned live.
    { name: "helmet defaults", site: helmetApp() },
  ],
});
