import assert from "node:assert/strict";
import express from "express";
import { listen, type Handler } from "../../../test/support/server.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { recordedPage } from "../../../test/tester/recording.ts";

const PAGE = "<!doctype html><title>Shop</title>";

/** A recorded page with the given response headers: the banners are all the check reads. */
function withHeaders(headers: Record<string, string>) {
  return recordedPage(headers, PAGE);
}

/** The same page served live, so one case of each kind still goes through a real scan. */
function servedWithHeaders(headers: Record<string, string>): Handler {
  return (_req, res) => res.writeHead(200, { "content-type": "text/html", ...headers }).end(PAGE);
}

testCheck("info.server-version", {
  vulnerable: [
    {
      name: "nginx and PHP both name their versions",
      site: withHeaders({ server: "nginx/1.18.0 (Ubuntu)", "x-powered-by": "PHP/7.4.3" }),
      expect: (finding) => {
        assert.equal(finding?.details.server, "nginx/1.18.0 (Ubuntu)");
        assert.equal(finding?.details["x-powered-by"], "PHP/7.4.3");
        assert.equal(finding?.severity, "info");
        assert.deepEqual(
          finding?.evidence[0]?.response?.headers.map(([name]) => name),
          ["server", "x-powered-by"],
        );
      },
    },
    {
      name: "ASP.NET version headers",
      site: withHeaders({
        server: "Microsoft-IIS/10.0",
        "x-aspnet-version": "4.0.30319",
        "x-aspnetmvc-version": "5.2",
      }),
      expect: (finding) => assert.equal(finding?.details["x-aspnet-version"], "4.0.30319"),
    },
    {
      name: "a Python development server banner",
      site: servedWithHeaders({ server: "Werkzeug/2.0.1 Python/3.9.5" }),
    },
    { name: "Jetty's parenthesised version", site: withHeaders({ server: "Jetty(9.4.43.v20210629)" }) },
    { name: "a generator with a patch version", site: withHeaders({ "x-generator": "WordPress 6.4.2" }) },
  ],
  safe: [
    {
      name: "product names without versions",
      site: withHeaders({ server: "nginx", "x-powered-by": "Next.js" }),
    },
    { name: "a CDN banner", site: withHeaders({ server: "cloudflare", "cf-ray": "8a1b2c3d4e5f6a7b-AMS" }) },
    {
      // Decision: "X-Powered-By: Express" names a framework but no version, so it points at no known
      // vulnerability; it is Express's default and Helmet's advice to remove it is hygiene, not a finding.
      name: "Express's default X-Powered-By: Express",
      site: {
        start: () => {
          const app = express();
          app.get("/", (_req, res) => res.type("html").send("<!doctype html><title>Shop</title>"));
          return listen(app.listen(0, "127.0.0.1"));
        },
      },
      expect: (_finding, report) => assert.ok(report.requests.sent > 0),
    },
    {
      name: "platform banners whose version the site cannot change or that are not versions",
      site: withHeaders({ server: "awselb/2.0" }),
    },
    { name: "a cache node id that looks like a version", site: withHeaders({ server: "ECS (dcb/7F84)" }) },
    {
      name: "a major release only",
      site: withHeaders({ "x-generator": "Drupal 10 (https://www.drupal.org)" }),
    },
  ],
});
