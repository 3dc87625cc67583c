import { testCheck } from "../../../test/tester/check-tester.ts";
import { helmetApp, page, site } from "../../../test/fixtures/headers/pages.ts";

testCheck("headers.x-content-type-options-missing", {
  vulnerable: [
    { name: "no X-Content-Type-Options", site: page({}) },
    { name: "a misspelt value", site: page({ "x-content-type-options": "no-sniff" }) },
  ],
  safe: [
    { name: "nosniff", site: page({ "x-content-type-options": "nosniff" }) },
    { name: "NoSniff in another case", site: page({ "x-content-type-options": "NoSniff" }) },
    {
      name: "a plain-text response is not a document",
      site: site({ "/": { type: "text/plain", body: "hi" } }),
    },
    { name: "helmet defaults", site: helmetApp() },
  ],
});
