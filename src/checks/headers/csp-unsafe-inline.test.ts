import assert from "node:assert/strict";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { freshNonce, helmetApp, page, recordedHtml } from "../../../test/fixtures/headers/pages.ts";

const REST = "object-src 'none'; base-uri 'none'";

testCheck("headers.csp-unsafe-inline", {
  vulnerable: [
    {
      name: "script-src 'self' 'unsafe-inline'",
      site: recordedHtml({ "content-security-policy": `script-src 'self' 'unsafe-inline'; ${REST}` }),
      expect: (finding) => {
        assert.equal(finding!.details.directive, "script-src");
        assert.equal(finding!.details.value, "'unsafe-inline'");
      },
    },
    {
      name: "'unsafe-inline' through the default-src fallback",
      site: recordedHtml({ "content-security-policy": `default-src 'self' 'unsafe-inline'; ${REST}` }),
      expect: (finding) => assert.equal(finding!.details.directive, "default-src"),
    },
    // Scanned live: a reused nonce shows only in the documents probe's second fetch of the page.
    {
      name: "a hard-coded nonce, the same on every response",
      site: page({
        "content-security-policy": `script-src 'nonce-c3RhdGljLW5vbmNlLXZhbHVl' 'strict-dynamic'; ${REST}`,
      }),
      expect: (finding) => assert.match(finding!.summary, /same in two responses/),
    },
    // Scanned live: a fresh nonce per response.
    {
      name: "a nonce too short to be secret",
      site: page({
        "content-security-policy": () => `script-src 'nonce-${freshNonce().slice(0, 4)}'; ${REST}`,
      }),
      expect: (finding) => assert.match(finding!.summary, /4 characters/),
    },
    {
      name: "two policies that both allow inline scripts",
      site: recordedHtml({
        "content-security-policy": [
          `script-src 'unsafe-inline'`,
          `default-src 'self' 'unsafe-inline'; ${REST}`,
        ],
      }),
    },
  ],
  safe: [
    // Scanned live: a fresh nonce per response.
    {
      name: "a strict nonce CSP with an 'unsafe-inline' fallback for old browsers",
      site: page({
        "content-security-policy": () =>
          `script-src 'nonce-${freshNonce()}' 'strict-dynamic' https: 'unsafe-inline'; ${REST}`,
      }),
    },
    {
      name: "a hash beside 'unsafe-inline' (browsers ignore it)",
      site: recordedHtml({
        "content-security-policy": `script-src 'self' 'sha256-RFWPLDbv2BY+rCkDzsE+0fr8ylGr2R2faWMhq4lfEQc=' 'unsafe-inline'; ${REST}`,
      }),
    },
    {
      name: "a second policy (header + meta) that blocks inline scripts",
      site: recordedHtml(
        { "content-security-policy": "script-src 'self' 'unsafe-inline'" },
        `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="script-src 'self'; ${REST}"></head><body>x</body></html>`,
      ),
    },
    {
      name: "'unsafe-inline' only in style-src",
      site: recordedHtml({
        "content-security-policy": `script-src 'self'; style-src 'self' 'unsafe-inline'; ${REST}`,
      }),
    },
    {
      name: "'unsafe-inline' only in a report-only policy beside a strict one",
      site: recordedHtml({
        "content-security-policy": `script-src 'self'; ${REST}`,
        "content-security-policy-report-only": "script-src 'unsafe-inline'",
      }),
    },
    { name: "no CSP at all (that is headers.csp-missing)", site: recordedHtml({}) },
    // A real framework's defaults, scanned live.
    { name: "helmet defaults", site: helmetApp() },
  ],
});
