import assert from "node:assert/strict";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { helmetApp, html, page, recordedHtml } from "../../../test/fixtures/headers/pages.ts";

testCheck("headers.referrer-policy-unsafe", {
  vulnerable: [
    {
      name: "Referrer-Policy: unsafe-url",
      site: recordedHtml({ "referrer-policy": "unsafe-url" }),
      expect: (finding) => assert.equal(finding!.details.policy, "unsafe-url"),
    },
    {
      name: "the last valid token wins: no-referrer, no-referrer-when-downgrade",
      site: recordedHtml({ "referrer-policy": "no-referrer, no-referrer-when-downgrade" }),
      expect: (finding) => assert.equal(finding!.details.policy, "no-referrer-when-downgrade"),
    },
    // Scanned live: the probe→artifact path, body markup included.
    {
      name: 'a legacy <meta name="referrer" content="always"> overrides a safe header',
      site: page({ "referrer-policy": "strict-origin" }, html(`<meta name="referrer" content="always">`)),
      expect: (finding) => assert.equal(finding!.details.source, "meta tag"),
    },
  ],
  safe: [
    {
      name: "no Referrer-Policy: browsers default to strict-origin-when-cross-origin",
      site: recordedHtml({}),
    },
    {
      name: "strict-origin-when-cross-origin",
      site: recordedHtml({ "referrer-policy": "strict-origin-when-cross-origin" }),
    },
    {
      name: "unsafe-url, then an unknown token, then same-origin: the last valid token wins",
      site: recordedHtml({ "referrer-policy": "unsafe-url, made-up, same-origin" }),
    },
    {
      name: "a <meta> no-referrer overrides an unsafe header",
      site: recordedHtml(
        { "referrer-policy": "unsafe-url" },
        html(`<meta name="referrer" content="no-referrer">`),
      ),
    },
    // A real framework's defaults, scanned live.
    { name: "helmet defaults", site: helmetApp() },
  ],
});
