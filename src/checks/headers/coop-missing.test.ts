import assert from "node:assert/strict";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { helmetApp, page } from "../../../test/fixtures/headers/pages.ts";

testCheck("headers.coop-missing", {
  vulnerable: [
    {
      name: "no Cross-Origin-Opener-Policy (informational)",
      site: page({}),
      expect: (finding) => assert.equal(finding!.severity, "info"),
    },
  ],
  safe: [
    { name: "same-origin", site: page({ "cross-origin-opener-policy": "same-origin" }) },
    { name: "helmet defaults", site: helmetApp() },
  ],
});
