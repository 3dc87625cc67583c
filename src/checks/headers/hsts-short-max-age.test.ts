import assert from "node:assert/strict";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { overHttps, page, recordedHtml, recordedHttps } from "../../../test/fixtures/headers/pages.ts";

const HTTPS = { scheme: "https" } as const;

testCheck("headers.hsts-short-max-age", {
  vulnerable: [
    // Scanned live over https, as "one year" below: the probe→artifact path.
    {
      name: "one day",
      site: overHttps(page({ "strict-transport-security": "max-age=86400; includeSubDomains" })),
      scan: HTTPS,
      expect: (finding) => {
        assert.equal(finding!.details.maxAge, "86400");
        assert.equal(finding!.details.includeSubDomains, "yes");
        assert.equal(finding!.details.preload, "no");
      },
    },
    {
      name: "max-age=0 switches HSTS off",
      site: recordedHttps({ "strict-transport-security": "max-age=0" }),
      expect: (finding) => assert.match(finding!.summary, /turns HSTS off/),
    },
    {
      name: "a quoted max-age just under 180 days",
      site: recordedHttps({ "strict-transport-security": 'max-age="15551999"' }),
    },
  ],
  safe: [
    {
      name: "exactly 180 days",
      site: recordedHttps({ "strict-transport-security": "max-age=15552000" }),
    },
    // Scanned live.
    {
      name: "one year",
      site: overHttps(page({ "strict-transport-security": "max-age=31536000; includeSubDomains" })),
      scan: HTTPS,
    },
    { name: "no header at all (that is headers.hsts-missing)", site: recordedHttps({}) },
    {
      name: "a short max-age sent over plain http (browsers ignore it there)",
      site: recordedHtml({ "strict-transport-security": "max-age=60" }),
    },
  ],
});
