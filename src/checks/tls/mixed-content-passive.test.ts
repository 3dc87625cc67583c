import assert from "node:assert/strict";
import { testCa, trustTestCa } from "../../../test/support/certificates.ts";
import { httpFixture, httpsFixture } from "../../../test/support/https-site.ts";
import { FIXTURE_HOST } from "../../../test/support/scan-fixture.ts";
import type { Handler } from "../../../test/support/server.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { recorded, RECORDED_URL, type Headers } from "../../../test/tester/recording.ts";

trustTestCa();
const valid = testCa().issue({ names: [FIXTURE_HOST] });

const page =
  (body: string, headers: Record<string, string> = {}): Handler =>
  (req, res) => {
    if ((req.url ?? "/") !== "/")
      return res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", ...headers }).end(body);
  };

function recordedHttps(body: string, headers: Headers = {}) {
  return recorded(RECORDED_URL.replace(/^http:/, "https:")).page({ headers, body });
}

const doc = (inner: string) =>
  `<!doctype html><html><head><title>Shop</title></head><body>${inner}</body></html>`;

testCheck("tls.mixed-content-passive", {
  vulnerable: [
    {
      name: "an https page with an http:// image (live)",
      ...httpsFixture(page(doc('<img src="http://images.example.com/logo.png" alt="">')), valid),
      expect: (finding) => {
        assert.equal(finding?.severity, "info");
        assert.equal(finding?.details.insecureResources, "http://images.example.com/logo.png");
      },
    },
    {
      name: "video poster, audio, srcset candidates and <picture> sources",
      site: recordedHttps(
        doc(
          '<video src="https://cdn.example.com/a.mp4" poster="http://cdn.example.com/poster.jpg"></video>' +
            '<audio src="http://cdn.example.com/jingle.mp3"></audio>' +
            '<img src="/a.png" srcset="/a.png 1x, http://cdn.example.com/a@2x.png 2x">' +
            '<picture><source srcset="http://cdn.example.com/hero.webp"><img src="/hero.jpg"></picture>',
        ),
      ),
      expect: (finding) => {
        assert.equal(
          finding?.details.insecureResources,
          "http://cdn.example.com/poster.jpg http://cdn.example.com/jingle.mp3 http://cdn.example.com/a@2x.png http://cdn.example.com/hero.webp",
        );
        assert.equal(finding?.details.elements, "video, audio, img, source");
      },
    },
    {
      name: "relative images made insecure by an http:// <base>",
      site: recordedHttps(
        '<!doctype html><html><head><base href="http://static.example.com/"></head><body><img src="logo.png"></body></html>',
      ),
    },
  ],
  safe: [
    {
      name: "https and protocol-relative images (live)",
      ...httpsFixture(
        page(doc('<img src="https://images.example.com/a.png"><img src="//images.example.com/b.png">')),
        valid,
      ),
    },
    {
      name: "http images, but the CSP upgrades insecure requests",
      site: recordedHttps(doc('<img src="http://images.example.com/a.png">'), {
        "content-security-policy": "upgrade-insecure-requests",
      }),
    },
    {
      name: "only links, scripts and text mention http:// (links navigate; scripts are tls.mixed-content)",
      site: recordedHttps(
        doc(
          '<a href="http://example.org/">partner</a><script src="http://cdn.example.com/x.js"></script><p>http://example.com/a.png</p>',
        ),
      ),
    },
    {
      name: "an image from http://localhost (browsers treat loopback as trustworthy)",
      site: recordedHttps(doc('<img src="http://localhost:3000/dev.png">')),
    },
    {
      name: "an http page with http images is not mixed content",
      ...httpFixture(() => page(doc('<img src="http://images.example.com/logo.png">')), "closed"),
    },
  ],
});
