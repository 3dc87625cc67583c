import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { gzipSync } from "node:zlib";
import express from "express";
import { cdnSite } from "../../../test/fixtures/sites/cdn.ts";
import { spaSite } from "../../../test/fixtures/sites/spa.ts";
import { scanFixture } from "../../../test/support/scan-fixture.ts";
import { listen, startServer, type Handler, type TestServer } from "../../../test/support/server.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { recorded, type RecordedAnswer } from "../../../test/tester/recording.ts";
import {
  BUNDLE,
  PAGE_WITH_BUNDLE,
  dsStoreBytes,
  jsonCatchAll,
  recordedStaticSite,
  recordedTextCatchAll,
  spaWith,
  staticSite,
} from "../../../test/fixtures/exposure/sites.ts";

const ENV_WITH_SECRETS = [
  "# production settings",
  "DATABASE_URL=postgres://shop:Zx81kPq0wLr2@db.shop-backend.net:5432/shop",
  "SESSION_SECRET=7f3a9c2e1b8d4f60a5e7c3b1d9f2e8a4",
  "NODE_ENV=production",
  "",
].join("\n");

/** Express serving the project folder with dotfiles allowed: the classic way a .env gets served. */
function expressProjectRoot(): { start: () => Promise<TestServer> } {
  return {
    start: () => {
      const root = mkdtempSync(path.join(tmpdir(), "amihackable-exposure-"));
      writeFileSync(path.join(root, ".env"), ENV_WITH_SECRETS);
      writeFileSync(path.join(root, "index.html"), PAGE_WITH_BUNDLE);
      mkdirSync(path.join(root, "assets"));
      writeFileSync(path.join(root, "assets", "index-8c1f2a.js"), BUNDLE);
      const app = express();
      app.use(express.static(root, { dotfiles: "allow" }));
      return listen(app.listen(0, "127.0.0.1"));
    },
  };
}

const SPA: Handler = spaSite;
const CDN: Handler = cdnSite;

testCheck("exposure.env-file", {
  vulnerable: [
    {
      name: "Express serves the project folder with dotfiles allowed",
      site: expressProjectRoot(),
      expect: (finding) => {
        assert.equal(finding?.severity, "critical");
        const excerpt = finding?.evidence[0]?.response?.bodyExcerpt ?? "";
        assert.match(excerpt, /DATABASE_URL=…\(\d+ characters\)/);
        assert.ok(!excerpt.includes("Zx81kPq0wLr2") && !JSON.stringify(finding).includes("Zx81kPq0wLr2"));
      },
    },
    {
      name: "a single-page app with .env.production deployed beside index.html",
      site: spaWith({ "/.env.production": { type: "application/octet-stream", body: ENV_WITH_SECRETS } }),
    },
    {
      name: "an env file without secret names is medium",
      site: recordedStaticSite("env", {
        "/.env.local": { type: "text/plain", body: "NODE_ENV=production\nPORT=3000\n" },
      }),
      expect: (finding) => assert.equal(finding?.severity, "medium"),
    },
    {
      name: "an env file of placeholders (a honeypot or tutorial) is medium",
      site: recordedStaticSite("env", {
        "/.env": {
          type: "text/plain",
          body: "API_KEY=your-api-key-here\nSESSION_SECRET=\nSTRIPE_SECRET_KEY=${STRIPE_SECRET_KEY}\nDB_PASSWORD=changeme\n",
        },
      }),
      expect: (finding) => {
        assert.equal(finding?.severity, "medium");
        assert.match(finding?.summary ?? "", /empty or placeholders/);
      },
    },
  ],
  safe: [
    { name: "a single-page app answering index.html everywhere", site: SPA },
    { name: "a catch-all JSON 404-as-200 API", site: jsonCatchAll },
    { name: "a CDN answering dotfiles with a 403 block page", site: CDN },
    {
      name: "a host answering every path with the same KEY=value text (the baseline has it too)",
      site: recordedTextCatchAll("env", "STATUS=ok\nREGION=eu-west-1\n"),
    },
    {
      name: "an HTML page that shows KEY=value lines",
      site: recordedStaticSite("env", {
        "/.env": { type: "text/html", body: "<pre>\nAPI_URL=https://api.example.com\nMODE=demo\n</pre>" },
      }),
    },
  ],
});

const GIT_CONFIG = [
  "[core]",
  "\trepositoryformatversion = 0",
  "\tfilemode = true",
  "\tbare = false",
  '[remote "origin"]',
  "\turl = https://deploy:glpat-Zq8wLr2Kp0Xy@gitlab.com/shop/web.git",
  "\tfetch = +refs/heads/*:refs/remotes/origin/*",
  "",
].join("\n");

testCheck("exposure.git-repository", {
  vulnerable: [
    {
      name: ".git/HEAD and .git/config are served, the remote with a token",
      site: recordedStaticSite("git", {
        "/.git/HEAD": { type: "text/plain", body: "ref: refs/heads/main\n" },
        "/.git/config": { type: "text/plain", body: GIT_CONFIG },
      }),
      expect: (finding, report) => {
        assert.equal(finding?.severity, "critical");
        assert.equal(report.findings.filter((f) => f.id === "exposure.git-repository").length, 1);
        assert.ok(!JSON.stringify(report).includes("glpat-Zq8wLr2Kp0Xy"));
        assert.match(finding?.summary ?? "", /deploy:…@gitlab\.com/);
      },
    },
    {
      name: "a config with the token actions/checkout leaves in it",
      site: recordedStaticSite("git", {
        "/.git/config": {
          type: "text/plain",
          body: '[core]\n\trepositoryformatversion = 0\n[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW46Z2hzX1pxOHdMcjJLcDBYeQ==\n',
        },
      }),
      expect: (finding, report) => {
        assert.equal(finding?.severity, "critical");
        assert.ok(!JSON.stringify(report).includes("eC1hY2Nlc3MtdG9rZW46Z2hzX1pxOHdMcjJLcDBYeQ=="));
      },
    },
    {
      name: "a detached HEAD (a commit hash) on a single-page app",
      site: spaWith({
        "/.git/HEAD": {
          type: "application/octet-stream",
          body: "3f786850e387550fdab836ed7e6dc881de23001b\n",
        },
      }),
      expect: (finding) => assert.equal(finding?.severity, "high"),
    },
  ],
  safe: [
    { name: "a single-page app answering index.html everywhere", site: SPA },
    { name: "a catch-all JSON 404-as-200 API", site: jsonCatchAll },
    { name: "a CDN answering dotfiles with a 403 block page", site: CDN },
    {
      name: "a host answering every path with a HEAD-like line",
      site: recordedTextCatchAll("git", "ref: refs/heads/main\n"),
    },
    {
      name: "a 403 with a git-looking body",
      site: recordedStaticSite("git", {
        "/.git/config": { type: "text/plain", body: GIT_CONFIG, status: 403 },
      }),
    },
  ],
});

const MAP_WITHOUT_SOURCES = JSON.stringify({
  version: 3,
  file: "index-8c1f2a.js",
  sources: [
    "webpack://shop/./src/main.tsx",
    "webpack://shop/./src/api/client.ts",
    "webpack://shop/./node_modules/react/index.js",
  ],
  names: ["render", "fetchProducts"],
  mappings: "AAAA,SAASA,OAAO",
});

const MAP_WITH_SOURCES = JSON.stringify({
  version: 3,
  sources: ["../src/main.tsx", "../src/admin/secret-panel.tsx"],
  sourcesContent: [
    "import { App } from './App';\nrender(<App />);\n",
    "// TODO remove before launch\nexport const ADMIN = '/internal/admin';\n",
  ],
  names: [],
  mappings: "AAAA;AACA",
});

/** A bundle and the map the source-maps probe fetched for it (found `via` the comment or beside it). */
function recordedSiteWithBundle(bundle: string, via: "comment" | "guess", map: RecordedAnswer) {
  return recorded()
    .page({ type: "text/html; charset=utf-8", body: PAGE_WITH_BUNDLE })
    .bundle("/assets/index-8c1f2a.js", bundle)
    .sourceMap("/assets/index-8c1f2a.js.map", "/assets/index-8c1f2a.js", via, map);
}

function siteWithBundle(
  bundle: string,
  files: Record<string, { type: string; body: string; headers?: Record<string, string> }> = {},
) {
  return staticSite({ "/assets/index-8c1f2a.js": { type: "text/javascript", body: bundle }, ...files });
}

testCheck("exposure.source-map", {
  vulnerable: [
    {
      name: "a map named by the sourceMappingURL comment",
      site: siteWithBundle(`${BUNDLE}\n//# sourceMappingURL=index-8c1f2a.js.map\n`, {
        "/assets/index-8c1f2a.js.map": { type: "application/json", body: MAP_WITHOUT_SOURCES },
      }),
      expect: (finding) => {
        assert.equal(finding?.severity, "low");
        assert.match(finding?.summary ?? "", /src\/main\.tsx/);
      },
    },
    {
      name: "a hidden map (no comment) next to the bundle",
      site: siteWithBundle(BUNDLE, {
        "/assets/index-8c1f2a.js.map": { type: "application/octet-stream", body: MAP_WITHOUT_SOURCES },
      }),
    },
    {
      name: "a map named by the SourceMap header",
      site: staticSite({
        "/assets/index-8c1f2a.js": {
          type: "text/javascript",
          body: BUNDLE,
          headers: { sourcemap: "/maps/main.map" },
        },
        "/maps/main.map": { type: "application/json", body: MAP_WITHOUT_SOURCES },
      }),
    },
  ],
  safe: [
    { name: "a single-page app answering index.html for the .map", site: SPA },
    { name: "a catch-all JSON 404-as-200 API", site: jsonCatchAll },
    { name: "a CDN with block pages", site: CDN },
    {
      name: "a bundle without a map (404)",
      site: recordedSiteWithBundle(`${BUNDLE}\n//# sourceMappingURL=index-8c1f2a.js.map`, "comment", {
        status: 404,
        type: "text/plain",
        body: "Not Found",
      }),
    },
    {
      name: "a .map URL answering JSON that is not a source map",
      site: recordedSiteWithBundle(BUNDLE, "guess", {
        type: "application/json",
        body: '{"version":3,"error":"gone"}',
      }),
    },
    {
      name: "a map with sourcesContent is reported by the sources check, not twice",
      site: recordedSiteWithBundle(BUNDLE, "guess", { type: "application/json", body: MAP_WITH_SOURCES }),
    },
  ],
});

testCheck("exposure.source-map-sources", {
  vulnerable: [
    {
      name: "a map carrying sourcesContent",
      site: recordedSiteWithBundle(`${BUNDLE}\n//# sourceMappingURL=/assets/index-8c1f2a.js.map`, "comment", {
        type: "application/json",
        body: MAP_WITH_SOURCES,
      }),
      expect: (finding) => {
        assert.equal(finding?.severity, "medium");
        assert.match(finding?.summary ?? "", /2 original files/);
      },
    },
    {
      name: "an inline data: map in the bundle",
      site: siteWithBundle(
        `${BUNDLE}\n//# sourceMappingURL=data:application/json;charset=utf-8;base64,${Buffer.from(MAP_WITH_SOURCES).toString("base64")}`,
      ),
      expect: (finding, report) => {
        assert.match(finding?.summary ?? "", /embedded in the bundle/);
        // An inline map needs no request of its own.
        assert.ok(!report.probed.urls.some((url) => url.endsWith(".map")));
      },
    },
  ],
  safe: [
    { name: "a single-page app answering index.html for the .map", site: SPA },
    { name: "a catch-all JSON 404-as-200 API", site: jsonCatchAll },
    {
      name: "a map without sourcesContent",
      site: recordedSiteWithBundle(BUNDLE, "guess", { type: "application/json", body: MAP_WITHOUT_SOURCES }),
    },
  ],
});

const AUTOINDEX = (dir: string) =>
  `<html>\r\n<head><title>Index of ${dir}</title></head>\r\n<body>\r\n<h1>Index of ${dir}</h1><hr><pre><a href="../">../</a>\r\n<a href="invoice-2024-001.pdf">invoice-2024-001.pdf</a>   12-Mar-2024 10:01   48213\r\n<a href="export.csv">export.csv</a>   12-Mar-2024 10:02   9921\r\n</pre><hr></body>\r\n</html>\r\n`;

testCheck("exposure.directory-listing", {
  vulnerable: [
    {
      name: "nginx autoindex on /uploads/",
      site: recordedStaticSite("listing", {
        "/uploads/": { type: "text/html", body: AUTOINDEX("/uploads/") },
      }),
      expect: (finding) => assert.match(finding?.summary ?? "", /invoice-2024-001\.pdf/),
    },
    {
      name: "Python http.server listing the bundle directory",
      site: staticSite({
        "/assets/": {
          type: "text/html; charset=utf-8",
          body: '<!DOCTYPE HTML>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Directory listing for /assets/</title>\n</head>\n<body>\n<h1>Directory listing for /assets/</h1>\n<hr>\n<ul>\n<li><a href="index-8c1f2a.js">index-8c1f2a.js</a></li>\n<li><a href="index-8c1f2a.js.map">index-8c1f2a.js.map</a></li>\n</ul>\n<hr>\n</body>\n</html>\n',
        },
      }),
    },
    {
      name: "a public S3 bucket listing as the site's root",
      site: recordedStaticSite("listing", {
        "/": {
          type: "application/xml",
          body: '<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>shop-assets</Name><Prefix></Prefix><Contents><Key>backups/db-2024-03-01.sql.gz</Key><Size>48213</Size></Contents></ListBucketResult>',
        },
      }),
    },
  ],
  safe: [
    { name: "a single-page app answering index.html everywhere", site: SPA },
    { name: "a catch-all JSON 404-as-200 API", site: jsonCatchAll },
    { name: "a CDN with block pages", site: CDN },
    { name: "a static site with no listings (real 404s)", site: recordedStaticSite("listing", {}) },
    {
      name: "a host whose every page is titled 'Index of /' (a catch-all, not this folder)",
      site: recordedStaticSite(
        "listing",
        {},
        {
          status: 200,
          type: "text/html",
          body: "<html><head><title>Index of /</title></head><body>Home</body></html>",
        },
      ),
    },
  ],
});

const ZIP = Buffer.concat([
  Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]),
  Buffer.alloc(64 * 1024, 7),
]);
const SQL_DUMP = [
  "-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)",
  "--",
  "-- Host: localhost    Database: shop",
  "-- ------------------------------------------------------",
  "/*!40101 SET NAMES utf8mb4 */;",
  "INSERT INTO `users` VALUES (1,'ada@example.com','$2b$10$Zq8wLr2Kp0XyAbCdEfGhIj');",
].join("\n");

testCheck("exposure.backup-file", {
  vulnerable: [
    {
      name: "a site archive at /backup.zip, read through a Range request",
      site: staticSite({ "/backup.zip": { type: "application/zip", body: ZIP } }),
      expect: (finding, report) => {
        assert.equal(finding?.severity, "high");
        assert.match(finding?.summary ?? "", /zip archive of about 64 KB/);
        assert.ok(report.requests.sent > 0);
      },
    },
    {
      name: "a gzip archive served by a host that ignores Range",
      site: staticSite({
        "/site.tar.gz": {
          type: "application/gzip",
          body: gzipSync(Buffer.alloc(64 * 1024, 1)),
          ignoreRange: true,
        },
      }),
      expect: (finding) => assert.match(finding?.summary ?? "", /gzip archive/),
    },
    {
      name: "a MySQL dump, with its data kept out of the report",
      site: recordedStaticSite("backup", { "/dump.sql": { type: "application/sql", body: SQL_DUMP } }),
      expect: (finding) => {
        assert.match(finding?.summary ?? "", /SQL dump/);
        assert.ok(!JSON.stringify(finding).includes("ada@example.com"));
      },
    },
    {
      // A backup of a config file (wp-config.php.bak) is exposure.config-file; other PHP source stays here.
      name: "a PHP source backup on a PHP site",
      site: staticSite({
        "/": {
          type: "text/html",
          body: '<html><link rel="stylesheet" href="/wp-content/themes/shop/style.css"></html>',
        },
        "/index.php.bak": {
          type: "application/octet-stream",
          body: "<?php\nrequire 'db.php';\n$pdo = connect('Zq8wLr2Kp0Xy');\n",
        },
      }),
      expect: (finding) => {
        assert.match(finding?.summary ?? "", /PHP source code/);
        assert.ok(!JSON.stringify(finding).includes("Zq8wLr2Kp0Xy"));
      },
    },
  ],
  safe: [
    { name: "a single-page app answering index.html everywhere", site: SPA },
    { name: "a catch-all JSON 404-as-200 API", site: jsonCatchAll },
    { name: "a CDN with block pages", site: CDN },
    {
      name: "a download page (HTML) at /backup.zip",
      site: recordedStaticSite("backup", {
        "/backup.zip": { type: "text/html", body: "<html><p>Your download will start shortly.</p></html>" },
      }),
    },
    {
      name: "a site that is not PHP is not asked for .php backups",
      site: staticSite({}),
      expect: (_finding, report) => assert.ok(!report.probed.urls.some((url) => url.includes(".php"))),
    },
  ],
});

testCheck("exposure.ds-store", {
  vulnerable: [
    {
      name: "a .DS_Store uploaded with the site",
      site: staticSite({
        "/.DS_Store": {
          type: "application/octet-stream",
          body: dsStoreBytes(["backup-2024.zip", "admin", "index.html"]),
        },
      }),
      expect: (finding) => assert.match(finding?.summary ?? "", /backup-2024\.zip, admin, index\.html/),
    },
  ],
  safe: [
    { name: "a single-page app answering index.html everywhere", site: SPA },
    { name: "a catch-all JSON 404-as-200 API", site: jsonCatchAll },
    { name: "a CDN answering dotfiles with a 403 block page", site: CDN },
    {
      name: "a text file that mentions Bud1 without the magic bytes",
      site: recordedStaticSite("ds-store", {
        "/.DS_Store": { type: "text/plain", body: "Bud1 is the .DS_Store magic" },
      }),
    },
  ],
});

const OPENAPI = JSON.stringify({
  openapi: "3.1.0",
  info: { title: "Shop API", version: "2.3.0" },
  paths: { "/products": { get: {} }, "/orders": { get: {} }, "/admin/users": { delete: {} } },
});

testCheck("exposure.api-docs", {
  vulnerable: [
    {
      name: "FastAPI's /openapi.json",
      site: recordedStaticSite("api-docs", { "/openapi.json": { type: "application/json", body: OPENAPI } }),
      expect: (finding) => {
        assert.equal(finding?.severity, "info");
        assert.match(finding?.summary ?? "", /OpenAPI 3\.1\.0 for "Shop API" v2\.3\.0 documenting 3 paths/);
      },
    },
    {
      name: "swagger-ui-express at /api-docs/",
      site: recordedStaticSite("api-docs", {
        "/api-docs/": {
          type: "text/html",
          body: '<!DOCTYPE html><html><head><title>Swagger UI</title><link rel="stylesheet" href="./swagger-ui.css"></head><body><div id="swagger-ui"></div><script src="./swagger-ui-bundle.js"></script><script src="./swagger-ui-init.js"></script></body></html>',
        },
      }),
    },
    {
      name: "springdoc's /v3/api-docs",
      site: staticSite({
        "/v3/api-docs": {
          type: "application/json",
          body: JSON.stringify({
            openapi: "3.0.1",
            info: { title: "OpenAPI definition", version: "v0" },
            paths: {},
          }),
        },
      }),
    },
  ],
  safe: [
    { name: "a single-page app answering index.html everywhere", site: SPA },
    { name: "a catch-all JSON 404-as-200 API", site: jsonCatchAll },
    { name: "a CDN with block pages", site: CDN },
    {
      name: "JSON with paths but no OpenAPI version",
      site: recordedStaticSite("api-docs", {
        "/openapi.json": { type: "application/json", body: '{"paths":{"/a":{}}}' },
      }),
    },
  ],
});

/**
 * Family silence: the hosts that fool path probes (an SPA answering 200 everywhere, a catch-all JSON
 * API, a CDN with block pages, a host with no listings) yield no exposure finding at all.
 */
describe("exposure family silence", () => {
  const servers: TestServer[] = [];
  after(async () => Promise.all(servers.map((server) => server.close())));
  for (const [name, site] of [
    ["a single-page app answering 200 with index.html everywhere", SPA],
    ["a catch-all JSON 404-as-200 API", jsonCatchAll],
    ["a CDN-fronted site with 403 block pages", CDN],
    ["a directory-listing-less static site with real 404s", staticSite({})],
  ] as const) {
    it(`stays silent on ${name}`, async () => {
      const server = await startServer(site);
      servers.push(server);
      const report = await scanFixture(server, { only: ["exposure"] });
      assert.equal(report.outcome, "complete");
      assert.deepEqual(
        report.findings.map((finding) => `${finding.id} @ ${finding.url}`),
        [],
      );
      // The family stays within its request allowance: two baselines and ~40 curated paths (more on PHP
      // sites), a map per bundle, two GraphQL endpoints and two MCP paths (measured: 48 on these hosts).
      const exposureRequests = server.seen.filter((seen) => seen.url !== "/" && !seen.url.endsWith(".js"));
      assert.ok(exposureRequests.length <= 50, `sent ${exposureRequests.length} exposure requests`);
    });
  }
});
