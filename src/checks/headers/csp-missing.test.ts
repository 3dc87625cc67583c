import assert from "node:assert/strict";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { recorded } from "../../../test/tester/recording.ts";
import { helmetApp, html, recordedHtml, site } from "../../../test/fixtures/headers/pages.ts";

const STRICT = "default-src 'self'; object-src 'none'; base-uri 'none'";

testCheck("headers.csp-missing", {
  vulnerable: [
    { name: "an HTML page with no CSP at all", site: recordedHtml({}) },
    {
      name: "only Content-Security-Policy-Report-Only (reports, blocks nothing)",
      site: recordedHtml({ "content-security-policy-report-only": STRICT }),
      expect: (finding) => assert.match(finding!.summary, /Report-Only/),
    },
    {
      name: "a policy that restricts no scripts (frame-ancestors and upgrade-insecure-requests only)",
      site: recordedHtml({ "content-security-policy": "frame-ancestors 'none'; upgrade-insecure-requests" }),
      expect: (finding) => assert.equal(finding!.details.reason, "no-script-restriction"),
    },
    // Scanned live: a response with no Content-Type header at all, as the HTTP layer records it.
    {
      name: "markup served with no Content-Type, which browsers sniff as HTML",
      site: (_req, res) => {
        res.writeHead(200).end(html());
      },
    },
    {
      name: "a <meta> policy placed in the body, which browsers ignore",
      site: recordedHtml(
        {},
        html("", `<meta http-equiv="Content-Security-Policy" content="${STRICT}"><p>hi</p>`),
      ),
    },
    // Scanned live: the documents probe must find the linked page.
    {
      name: "the homepage has a CSP but the login page it links to has none",
      site: site({
        "/": {
          headers: { "content-security-policy": STRICT },
          body: html("", '<a href="/login">Log in</a>'),
        },
        "/login": {},
      }),
      expect: (finding) => assert.match(finding!.url, /\/login$/),
    },
  ],
  safe: [
    { name: "a header policy", site: recordedHtml({ "content-security-policy": STRICT }) },
    {
      name: "a <meta http-equiv> policy in the head counts",
      site: recordedHtml({}, html(`<meta http-equiv="Content-Security-Policy" content="${STRICT}">`)),
    },
    {
      name: "a JSON API needs no CSP",
      site: recorded().page({ type: "application/json", body: '{"ok":true}' }),
    },
    {
      name: "an error page is not judged",
      site: recorded().page({ status: 500, body: html("", "<h1>Oops</h1>") }),
    },
    // A real framework's defaults, scanned live.
    { name: "helmet defaults", site: helmetApp() },
  ],
});
