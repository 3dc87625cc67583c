import assert from "node:assert/strict";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { page, recordedHtml, recordedHttps } from "../../../test/fixtures/headers/pages.ts";

const SESSION = "connect.sid=s%3AR4nd0mS3ss10n.sig; Path=/; HttpOnly; SameSite=Lax";

testCheck("headers.cacheable-session", {
  vulnerable: [
    {
      name: "a session cookie on a page marked public, max-age (live)",
      site: page({ "set-cookie": SESSION, "cache-control": "public, max-age=3600" }),
      expect: (finding, report) => {
        assert.equal(finding?.severity, "low");
        assert.equal(finding?.details.cookies, "connect.sid");
        assert.equal(finding?.details.cacheability, "Cache-Control: public, max-age=3600");
        assert.ok(!JSON.stringify(report).includes("R4nd0mS3ss10n"), "the cookie value reached the report");
      },
    },
    {
      name: "s-maxage for the CDN, Vary: Cookie does not help a visitor without cookies",
      site: recordedHttps({
        "set-cookie": "laravel_session=eyJpdiI6IjEyMyJ9; path=/; secure; httponly",
        "cache-control": "s-maxage=600, stale-while-revalidate=60",
        vary: "Cookie",
      }),
    },
    {
      name: "no Cache-Control, but an Expires an hour after Date",
      site: recordedHtml({
        "set-cookie": "PHPSESSID=abc123; path=/",
        date: "Fri, 04 Dec 2026 10:00:00 GMT",
        expires: "Fri, 04 Dec 2026 11:00:00 GMT",
      }),
    },
  ],
  safe: [
    {
      name: "private, no-store on the page that sets the session (live)",
      site: page({ "set-cookie": SESSION, "cache-control": "private, no-store" }),
    },
    {
      name: "public caching of a page that sets only a preference cookie",
      site: recordedHtml({ "set-cookie": "theme=dark; Path=/", "cache-control": "public, max-age=3600" }),
    },
    {
      name: 'private="Set-Cookie" keeps the cookie out of the stored copy',
      site: recordedHtml({
        "set-cookie": SESSION,
        "cache-control": 'public, max-age=60, private="Set-Cookie"',
      }),
    },
    {
      name: "no-cache, max-age=0 and must-revalidate alone",
      site: recordedHtml({ "set-cookie": [SESSION], "cache-control": "no-cache" }),
    },
    {
      name: "max-age=0, or s-maxage=0 overriding a max-age",
      site: recordedHtml({ "set-cookie": SESSION, "cache-control": "max-age=3600, s-maxage=0" }),
    },
    {
      name: "only Last-Modified (heuristic freshness: too unsure to report)",
      site: recordedHtml({ "set-cookie": SESSION, "last-modified": "Mon, 01 Jan 2024 00:00:00 GMT" }),
    },
    {
      name: "an Expires in the past (the usual 'do not cache' idiom)",
      site: recordedHtml({
        "set-cookie": SESSION,
        date: "Fri, 04 Dec 2026 10:00:00 GMT",
        expires: "Thu, 01 Jan 1970 00:00:00 GMT",
      }),
    },
    {
      name: "Cloudflare's bot cookie on a cached page is not the site's session",
      site: recordedHttps({
        "set-cookie":
          "__cf_bm=abc.def-1700000000-1.0.1.1-xyz; path=/; domain=.fixture.test; HttpOnly; Secure; SameSite=None",
        "cache-control": "public, max-age=14400",
      }),
    },
  ],
});
