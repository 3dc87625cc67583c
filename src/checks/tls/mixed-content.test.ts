import assert from "node:assert/strict";
import { testCa, trustTestCa } from "../../../test/support/certificates.ts";
import { httpFixture, httpsFixture } from "../../../test/support/https-site.ts";
import { FIXTURE_HOST } from "../../../test/support/scan-fixture.ts";
import type { Handler } from "../../../test/support/server.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";

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

const head = (inner: string) =>
  `<!doctype html><html><head><title>Shop</title>${inner}</head><body><h1>Shop</h1></body></html>`;

testCheck("tls.mixed-content", {
  vulnerable: [
    {
      name: "a script from an http:// CDN",
      ...httpsFixture(site(head('<script src="http://cdn.example.com/jquery.min.js"></script>')), valid),
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
      ...httpsFixture(
        site(
          head('<link rel="stylesheet" href="http://fonts.example.net/css?family=Inter">') +
            '<iframe src="http://widgets.example.org/chat"></iframe>',
        ),
        valid,
      ),
      expect: (finding) => assert.equal(finding?.details.elements, "link, iframe"),
    },
    {
      name: "relative URLs made insecure by an http:// <base>",
      ...httpsFixture(
        site(head('<base href="http://static.example.com/"><script src="app.js"></script>')),
        valid,
      ),
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
      ...httpsFixture(
        site(
          head(
            '<script src="https://cdn.example.com/app.js"></script><script src="//cdn.example.com/b.js"></script>',
          ) + '<img src="http://images.example.com/logo.png"><a href="http://example.org/">partner</a>',
        ),
        valid,
      ),
    },
    {
      name: "http scripts, but the CSP header upgrades insecure requests",
      ...httpsFixture(
        site(head('<script src="http://cdn.example.com/app.js"></script>'), {
          "content-security-policy": "upgrade-insecure-requests; default-src https:",
        }),
        valid,
      ),
    },
    {
      name: "http scripts, but a <meta> CSP upgrades insecure requests",
      ...httpsFixture(
        site(
          head(
            '<meta http-equiv="Content-Security-Policy" content="upgrade-insecure-requests"><script src="http://cdn.example.com/app.js"></script>',
          ),
        ),
        valid,
      ),
    },
    {
      name: "a script from http://localhost (browsers treat loopback as trustworthy)",
      ...httpsFixture(site(head('<script src="http://localhost:35729/livereload.js"></script>')), valid),
    },
    {
      name: "an http page with http scripts is not mixed content (tls.no-https covers it)",
      ...httpFixture(() => site(head('<script src="http://cdn.example.com/app.js"></script>')), "closed"),
    },
    {
      name: "the http:// URL only appears in text and inline script",
      ...httpsFixture(
        site(
          head('<script>var legacy = "<script src=\\"http://cdn.example.com/x.js\\">";</script>') +
            "<p>http://example.com/app.js</p>",
        ),
        valid,
      ),
    },
  ],
});
