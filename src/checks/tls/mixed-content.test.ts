import assert from "node:assert/strict";
import { testCa, trustTestCa } from "../../../test/support/certificates.ts";
import { httpFixture, httpsFixture } from "../../../test/support/https-site.ts";
import { FIXTURE_HOST } from "../../../test/support/scan-fixture.ts";
import type { Handler } from "../../../test/support/server.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { recorded, RECORDED_URL, type Headers } from "../../../test/tester/recording.ts";

trustTestCa();
const valid = testCa().issue({ names: [FIXTURE_HOST] });

/** Serves `body` as the homepage (and `pages` at their paths) with the given headers. */
function site(
  body: string,
  headers: Record<string, string> = {},
  pages: Record<string, string> = {},
): Handler {
  return (req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const html = path === "/" ? body : pages[path];
    if (html === undefined) return res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", ...headers }).end(html);
  };
}

/** The homepage of an https site, as the discovery probe records it: the check reads only the markup and headers. */
function recordedHttps(body: string, headers: Headers = {}) {
  return recorded(RECORDED_URL.replace(/^http:/, "https:")).page({ headers, body });
}

const head = (inner: string) =>
  `<!doctype html><html><head><title>Shop</title>${inner}</head><body><h1>Shop</h1></body></html>`;

testCheck("tls.mixed-content", {
  vulnerable: [
    {
      name: "a script from an http:// CDN",
      site: recordedHttps(head('<script src="http://cdn.example.com/jquery.min.js"></script>')),
      expect: (finding) => {
        assert.equal(finding?.details.insecureResources, "http://cdn.example.com/jquery.min.js");
        assert.match(
          finding?.evidence[0]?.response?.bodyExcerpt ?? "",
          /<script src="http:\/\/cdn\.example\.com/,
        );
      },
    },
    {
      name: "a stylesheet and an iframe over http",
      site: recordedHttps(
        head('<link rel="stylesheet" href="http://fonts.example.net/css?family=Inter">') +
          '<iframe src="http://widgets.example.org/chat"></iframe>',
      ),
      expect: (finding) => assert.equal(finding?.details.elements, "link, iframe"),
    },
    {
      name: "relative URLs made insecure by an http:// <base>",
      site: recordedHttps(head('<base href="http://static.example.com/"><script src="app.js"></script>')),
      expect: (finding) =>
        assert.equal(finding?.details.insecureResources, "http://static.example.com/app.js"),
    },
    {
      name: "on a second page the documents probe fetched",
      ...httpsFixture(
        site(
          head("") + '<a href="/account">Account</a>',
          {},
          {
            "/account": head('<script src="http://cdn.example.com/old.js"></script>'),
          },
        ),
        valid,
      ),
      expect: (finding) => assert.match(finding?.url ?? "", /^https:\/\/app\.fixture\.test:\d+\/account$/),
    },
  ],
  safe: [
    {
      name: "https scripts, passive http images and plain http links",
      site: recordedHttps(
        head(
          '<script src="https://cdn.example.com/app.js"></script><script src="//cdn.example.com/b.js"></script>',
        ) + '<img src="http://images.example.com/logo.png"><a href="http://example.org/">partner</a>',
      ),
    },
    {
      name: "http scripts, but the CSP header upgrades insecure requests",
      site: recordedHttps(head('<script src="http://cdn.example.com/app.js"></script>'), {
        "content-security-policy": "upgrade-insecure-requests; default-src https:",
      }),
    },
    {
      name: "http scripts, but a <meta> CSP upgrades insecure requests",
      site: recordedHttps(
        head(
          '<meta http-equiv="Content-Security-Policy" content="upgrade-insecure-requests"><script src="http://cdn.example.com/app.js"></script>',
        ),
      ),
    },
    {
      name: "a script from http://localhost (browsers treat loopback as trustworthy)",
      site: recordedHttps(head('<script src="http://localhost:35729/livereload.js"></script>')),
    },
    {
      name: "an http page with http scripts is not mixed content (tls.no-https covers it)",
      ...httpFixture(() => site(head('<script src="http://cdn.example.com/app.js"></script>')), "closed"),
    },
    {
      name: "the http:// URL only appears in text and inline script",
      site: recordedHttps(
        head('<script>var legacy = "<script src=\\"http://cdn.example.com/x.js\\">";</script>') +
          "<p>http://example.com/app.js</p>",
      ),
    },
  ],
});
