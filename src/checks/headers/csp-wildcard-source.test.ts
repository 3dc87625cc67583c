import assert from "node:assert/strict";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { freshNonce, helmetApp, page, recordedHtml } from "../../../test/fixtures/headers/pages.ts";

const REST = "object-src 'none'; base-uri 'none'";

testCheck("headers.csp-wildcard-source", {
  vulnerable: [
    {
      name: "script-src *",
      site: recordedHtml({ "content-security-policy": `script-src *; ${REST}` }),
      expect: (finding) => assert.equal(finding!.details.value, "*"),
    },
    {
      name: "script-src 'self' https:",
      site: recordedHtml({ "content-security-policy": `script-src 'self' https:; ${REST}` }),
      expect: (finding) => assert.equal(finding!.details.value, "https:"),
    },
    {
      name: "data: through default-src",
      site: recordedHtml({ "content-security-policy": `default-src 'self' data:; ${REST}` }),
      expect: (finding) => assert.equal(finding!.details.directive, "default-src"),
    },
    {
      name: "an allowlisted host that serves JSONP (csp_evaluator's bypass list)",
      site: recordedHtml({ "content-security-policy": `script-src 'self' https://www.google.com; ${REST}` }),
      expect: (finding) => assert.equal(finding!.details.bypassHosts, "https://www.google.com"),
    },
    // Scanned live: a fresh nonce per response.
    {
      name: "a nonce without 'strict-dynamic' does not disable https:",
      site: page({ "content-security-policy": () => `script-src 'nonce-${freshNonce()}' https:; ${REST}` }),
    },
  ],
  safe: [
    // Scanned live: a fresh nonce per response.
    {
      name: "https: beside a nonce and 'strict-dynamic' (browsers ignore it)",
      site: page({
        "content-security-policy": () =>
          `script-src 'nonce-${freshNonce()}' 'strict-dynamic' https: 'unsafe-inline'; ${REST}`,
      }),
    },
    {
      name: "a wildcard for images only",
      site: recordedHtml({ "content-security-policy": `img-src *; script-src 'self'; ${REST}` }),
    },
    {
      name: "a second policy restricting scripts to 'self'",
      site: recordedHtml({ "content-security-policy": [`script-src *`, `script-src 'self'; ${REST}`] }),
    },
    // A real framework's defaults, scanned live.
    { name: "helmet defaults (https: in font-src and style-src only)", site: helmetApp() },
  ],
});
