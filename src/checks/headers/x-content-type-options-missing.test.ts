import { testCheck } from "../../../test/tester/check-tester.ts";
import { recorded, recordedPage } from "../../../test/tester/recording.ts";
import { helmetApp, page } from "../../../test/fixtures/headers/pages.ts";

testCheck("headers.x-content-type-options-missing", {
  vulnerable: [
    // Scanned live: the probe→artifact path.
    { name: "no X-Content-Type-Options", site: page({}) },
    { name: "a misspelt value", site: recordedPage({ "x-content-type-options": "no-sniff" }) },
  ],
  safe: [
    { name: "nosniff", site: recordedPage({ "x-content-type-options": "nosniff" }) },
    { name: "NoSniff in another case", site: recordedPage({ "x-content-type-options": "NoSniff" }) },
    {
      name: "a plain-text response is not a document",
      site: recorded().page({ type: "text/plain", body: "hi" }),
    },
    // A real framework's defaults, scanned live.
    { name: "helmet defaults", site: helmetApp() },
  ],
});
