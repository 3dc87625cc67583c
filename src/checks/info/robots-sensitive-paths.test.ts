import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { cdnSite } from "../../../test/fixtures/sites/cdn.ts";
import { spaSite } from "../../../test/fixtures/sites/spa.ts";
import { wellConfiguredSite } from "../../../test/fixtures/sites/well-configured.ts";
import type { Handler } from "../../../test/support/server.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { recorded, type RecordedAnswer } from "../../../test/tester/recording.ts";
import { sensitiveKind } from "./sensitive-paths.ts";

const PAGE = "<!doctype html><title>Shop</title><h1>Shop</h1>";

function robots(answer: RecordedAnswer | string) {
  return recorded()
    .page({ body: PAGE })
    .wellKnownFile("robots", typeof answer === "string" ? { body: answer } : answer);
}

function liveRobots(text: string): Handler {
  return (req, res) => {
    if (req.url === "/") return res.writeHead(200, { "content-type": "text/html" }).end(PAGE);
    if (req.url === "/robots.txt") return res.writeHead(200, { "content-type": "text/plain" }).end(text);
    res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
  };
}

const REVEALING = `# robots for shop.example
User-agent: *
Disallow: /admin/
Disallow: /backup/   # old dumps
Disallow: /staging
Disallow: /api/internal/
Disallow: /search?q=*
Allow: /

Sitemap: https://shop.example/sitemap.xml
`;

/** WordPress's virtual robots.txt, as every install serves it. */
const WORDPRESS_DEFAULT = `User-agent: *
Disallow: /wp-admin/
Allow: /wp-admin/admin-ajax.php

Sitemap: https://shop.example/wp-sitemap.xml
`;

testCheck("info.robots-sensitive-paths", {
  vulnerable: [
    {
      name: "a live robots.txt naming admin, backup, staging and internal API paths",
      site: liveRobots(REVEALING),
      expect: (finding) => {
        assert.equal(finding?.severity, "info");
        assert.deepEqual(Object.keys(finding?.details ?? {}), [
          "/admin/",
          "/backup/",
          "/staging",
          "/api/internal/",
        ]);
        assert.equal(finding?.details["/backup/"], "backup");
        assert.match(finding?.evidence[0]?.response?.bodyExcerpt ?? "", /line 3: Disallow: \/admin\//);
      },
    },
    {
      name: "a database tool and a dump file",
      site: robots("User-agent: *\nDisallow: /phpmyadmin/\nDisallow: /db/export.sql.gz\n"),
      expect: (finding) => {
        assert.equal(finding?.details["/phpmyadmin/"], "database tool");
        assert.equal(finding?.details["/db/export.sql.gz"], "backup file");
      },
    },
    {
      name: "version control and a joined name, rules for one crawler only",
      site: robots("User-agent: Googlebot\ndisallow: /.git/\nDisallow: /old_admin\n"),
      expect: (finding) => assert.equal(finding?.details["/old_admin"], "admin area"),
    },
    {
      name: "a robots.txt served without a content type (CRLF lines)",
      site: robots({
        type: "application/octet-stream",
        body: "User-agent: *\r\nDisallow: /server-status\r\n",
      }),
    },
  ],
  safe: [
    { name: "the universal silence test's well-configured site", site: wellConfiguredSite(() => "") },
    {
      name: "a live robots.txt with ordinary paths",
      site: liveRobots("User-agent: *\nDisallow: /cart\nDisallow: /checkout/\nDisallow: /*?sort=\n"),
    },
    { name: "WordPress's default robots.txt", site: robots(WORDPRESS_DEFAULT) },
    { name: "allow everything", site: robots("User-agent: *\nDisallow:\n") },
    { name: "a single-page app's index.html at /robots.txt", site: spaSite },
    { name: "a CDN's 404 for /robots.txt", site: cdnSite },
    {
      name: "words that only contain a sensitive one",
      site: robots(
        "User-agent: *\nDisallow: /badminton/\nDisallow: /blog/\nDisallow: /developers/\nDisallow: /privacy\nDisallow: /backupcamera\n",
      ),
    },
    {
      // A text answer without any User-agent line is no robots.txt, whatever lines it holds.
      name: "a catch-all text answer mentioning Disallow",
      site: robots("Disallow: /admin/ is what you would write here"),
    },
    {
      name: "sensitive words in comments only",
      site: robots("User-agent: *\n# Disallow: /admin/\nDisallow: /tmp-cart\n"),
    },
    {
      name: "a 404 whose page mentions admin paths",
      site: robots({ status: 404, type: "text/plain", body: "User-agent: *\nDisallow: /admin/" }),
    },
  ],
});

describe("sensitiveKind", () => {
  it("matches whole segments and joined words, not words that contain them", () => {
    assert.equal(sensitiveKind("/Admin")?.name, "admin area");
    assert.equal(sensitiveKind("/site-admin/login")?.name, "admin area");
    assert.equal(sensitiveKind("/backups/")?.name, "backup");
    assert.equal(sensitiveKind("/*/debug/*")?.name, "debug page");
    assert.equal(sensitiveKind("/badminton"), null);
    assert.equal(sensitiveKind("/catalog"), null);
    assert.equal(sensitiveKind("/wp-admin/"), null);
  });
});
