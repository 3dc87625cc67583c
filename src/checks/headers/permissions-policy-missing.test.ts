import assert from "node:assert/strict";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { page, recordedHtml } from "../../../test/fixtures/headers/pages.ts";

testCheck("headers.permissions-policy-missing", {
  vulnerable: [
    // Scanned live, as the one safe case: the probe→artifact path.
    {
      name: "no Permissions-Policy (informational)",
      site: page({}),
      expect: (finding) => assert.equal(finding!.severity, "info"),
    },
    {
      name: "only the old Feature-Policy header",
      site: recordedHtml({ "feature-policy": "camera 'none'" }),
      expect: (finding) => assert.match(finding!.summary, /Feature-Policy/),
    },
  ],
  safe: [{ name: "Permissions-Policy present", site: page({ "permissions-policy": "camera=()" }) }],
});
