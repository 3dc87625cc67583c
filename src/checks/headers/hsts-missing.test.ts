import assert from "node:assert/strict";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { helmetApp, overHttps, page } from "../../../test/fixtures/headers/pages.ts";

const HTTPS = { scheme: "https" } as const;

testCheck("headers.hsts-missing", {
  vulnerable: [
    { name: "an https page without Strict-Transport-Security", site: overHttps(page({})), scan: HTTPS },
    {
      name: "a header without max-age, which browsers ignore",
      site: overHttps(page({ "strict-transport-security": "includeSubDomains; preload" })),
      scan: HTTPS,
      expect: (finding) => assert.match(finding!.summary, /no max-age/),
    },
    {
      name: "max-age given twice (invalid)",
      site: overHttps(page({ "strict-transport-security": "max-age=63072000; max-age=63072000" })),
      scan: HTTPS,
    },
  ],
  safe: [
    {
      name: "two years with includeSubDomains",
      site: overHttps(page({ "strict-transport-security": "max-age=63072000; includeSubDomains; preload" })),
      scan: HTTPS,
    },
    { name: "a plain-http site (HSTS is only read over https)", site: page({}) },
    {
      name: "a JSON API over https (only documents are judged)",
      site: overHttps((_req, res) => {
        res.writeHead(200, { "content-type": "application/json" }).end("{}");
      }),
      scan: HTTPS,
    },
    { name: "helmet defaults over https", site: helmetApp(undefined, true), scan: HTTPS },
  ],
});
