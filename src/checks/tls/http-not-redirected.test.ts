import assert from "node:assert/strict";
import { testCa, trustTestCa } from "../../../test/support/certificates.ts";
import { httpFixture, httpsFixture } from "../../../test/support/https-site.ts";
import { FIXTURE_HOST } from "../../../test/support/scan-fixture.ts";
import type { Handler } from "../../../test/support/server.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";

trustTestCa();
const valid = testCa().issue({ names: [FIXTURE_HOST] });

const page: Handler = (_req, res) =>
  res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>Shop</title><h1>Shop</h1>");
const redirects =
  (httpsOrigin: string): Handler =>
  (req, res) =>
    res.writeHead(301, { location: `${httpsOrigin}${req.url ?? "/"}` }).end();

testCheck("tls.http-not-redirected", {
  vulnerable: [
    {
      name: "an https site whose http:// twin serves the same page",
      ...httpsFixture(page, { ...valid, http: "serve" }),
      expect: (finding) => {
        assert.equal(finding?.url, `http://${FIXTURE_HOST}/`);
        assert.equal(finding?.details.status, "200");
        assert.equal(finding?.evidence[0]?.response?.status, 200);
      },
    },
    {
      name: "an http target that serves the page though https works on 443",
      ...httpFixture(() => page, { handler: page, ...valid }),
    },
  ],
  safe: [
    { name: "the http twin redirects to https", ...httpsFixture(page, { ...valid, http: "redirect" }) },
    {
      name: "the http twin redirects within http first, then to https",
      ...httpsFixture(page, {
        ...valid,
        http: (httpsOrigin) => (req, res) =>
          req.url === "/"
            ? res.writeHead(301, { location: "/home" }).end()
            : res.writeHead(308, { location: `${httpsOrigin}${req.url ?? "/"}` }).end(),
      }),
      expect: (_finding, report) =>
        assert.ok(
          report.probed.urls.includes(`http://${FIXTURE_HOST}/home`),
          "the second http hop was followed",
        ),
    },
    { name: "nothing listens on port 80", ...httpsFixture(page, { ...valid, http: "none" }) },
    {
      name: "an http target that redirects to https",
      ...httpFixture(redirects, { handler: page, ...valid }),
    },
    {
      name: "an http target without any https (tls.no-https says so instead)",
      ...httpFixture(() => page, "closed"),
    },
    {
      name: "the http twin answers only an error page",
      ...httpsFixture(page, {
        ...valid,
        http: () => (_req, res) =>
          res.writeHead(403, { "content-type": "text/html" }).end("<h1>Forbidden</h1>"),
      }),
    },
    {
      name: "the http twin answers a meta refresh to https",
      ...httpsFixture(page, {
        ...valid,
        http: (httpsOrigin) => (_req, res) =>
          res
            .writeHead(200, { "content-type": "text/html" })
            .end(`<meta http-equiv="refresh" content="0; url=${httpsOrigin}/">`),
      }),
    },
  ],
});
