import assert from "node:assert/strict";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { recorded } from "../../../test/tester/recording.ts";
import { helmetApp, html, page, recordedHtml } from "../../../test/fixtures/headers/pages.ts";

testCheck("headers.clickjacking", {
  vulnerable: [
    { name: "neither frame-ancestors nor X-Frame-Options", site: recordedHtml({}) },
    {
      name: "X-Frame-Options: ALLOW-FROM (no longer supported)",
      site: recordedHtml({ "x-frame-options": "ALLOW-FROM https://partner.example" }),
      expect: (finding) => assert.match(finding!.summary, /ALLOW-FROM/i),
    },
    {
      name: "frame-ancestors * overrides X-Frame-Options: DENY",
      site: recordedHtml({ "content-security-policy": "frame-ancestors *", "x-frame-options": "DENY" }),
    },
    // Scanned live: the probe→artifact path, body markup included.
    {
      name: "frame-ancestors only in a <meta> policy",
      site: page({}, html(`<meta http-equiv="Content-Security-Policy" content="frame-ancestors 'none'">`)),
      expect: (finding) => assert.match(finding!.summary, /<meta>/),
    },
  ],
  safe: [
    { name: "X-Frame-Options: DENY", site: recordedHtml({ "x-frame-options": "DENY" }) },
    {
      name: "x-frame-options: sameorigin, lower case",
      site: recordedHtml({ "x-frame-options": "sameorigin" }),
    },
    {
      name: "frame-ancestors 'self'",
      site: recordedHtml({ "content-security-policy": "frame-ancestors 'self'" }),
    },
    {
      name: "conflicting X-Frame-Options values (browsers block)",
      site: recordedHtml({ "x-frame-options": ["DENY", "SAMEORIGIN"] }),
    },
    {
      name: "frame-ancestors * in one policy, 'none' in another",
      site: recordedHtml({ "content-security-policy": ["frame-ancestors *", "frame-ancestors 'none'"] }),
    },
    { name: "a JSON API", site: recorded().page({ type: "application/json", body: "{}" }) },
    // A real framework's defaults, scanned live.
    { name: "helmet defaults", site: helmetApp() },
  ],
});
