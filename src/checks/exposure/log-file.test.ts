import assert from "node:assert/strict";
import { cdnSite } from "../../../test/fixtures/sites/cdn.ts";
import { spaSite } from "../../../test/fixtures/sites/spa.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";
import {
  jsonCatchAll,
  recordedStaticSite,
  recordedTextCatchAll,
  spaWith,
  staticSite,
} from "../../../test/fixtures/exposure/sites.ts";

/** A page that says the site runs WordPress, so the PHP-only paths are asked for. */
const WORDPRESS_PAGE = {
  type: "text/html",
  body: '<html><link rel="stylesheet" href="/wp-content/themes/shop/style.css"></html>',
};

const LARAVEL_LOG = [
  '[2026-03-01 10:12:44] production.ERROR: SQLSTATE[HY000] [2002] Connection refused (SQL: select * from `users` where `email` = ada@example.com limit 1) {"exception":"[object] (Illuminate\\\\Database\\\\QueryException(code: 2002))',
  "[stacktrace]",
  "#0 /var/www/shop/vendor/laravel/framework/src/Illuminate/Database/Connection.php(671): Illuminate\\\\Database\\\\Connection->runQueryCallback()",
  "#1 {main}",
  "[2026-03-01 10:13:02] production.WARNING: Slow request /checkout 2.4s",
  "[2026-03-01 10:14:10] production.INFO: User 42 logged in",
  "",
].join("\n");

const NGINX_ERROR_LOG = [
  '2026/03/01 10:12:44 [error] 1234#1234: *1 open() "/var/www/html/favicon.ico" failed (2: No such file or directory)',
  "2026/03/01 10:12:45 [warn] 1234#1234: *2 an upstream response is buffered to a temporary file",
  "2026/03/01 10:12:46 [error] 1234#1234: *3 connect() failed (111: Connection refused) while connecting to upstream",
  "2026/03/01 10:12:47 [notice] 1234#1234: signal process started",
  "",
].join("\n");

const NPM_DEBUG_LOG = [
  "0 info it worked if it ends with ok",
  "1 verbose cli [ '/usr/local/bin/node', '/usr/local/bin/npm', 'run', 'build' ]",
  "2 info using npm@6.14.18",
  "3 verbose stack Error: shop@1.0.0 build: `vite build`",
  "4 error code ELIFECYCLE",
  "",
].join("\n");

testCheck("exposure.log-file", {
  vulnerable: [
    {
      name: "a Laravel log on a PHP site, read through a Range request",
      site: staticSite({
        "/": WORDPRESS_PAGE,
        "/storage/logs/laravel.log": { type: "text/plain", body: Buffer.from(LARAVEL_LOG) },
      }),
      expect: (finding, report) => {
        assert.equal(finding?.severity, "medium");
        assert.match(finding?.summary ?? "", /3 timestamped entries and 2 stack frames/);
        assert.ok(!JSON.stringify(finding).includes("ada@example.com"), "the email is masked");
        assert.ok(report.requests.sent > 0);
      },
    },
    {
      name: "an nginx error log at /logs/error.log on an SPA host",
      site: spaWith({ "/logs/error.log": { type: "application/octet-stream", body: NGINX_ERROR_LOG } }),
    },
    {
      name: "npm's debug log left in the web root",
      site: recordedStaticSite("log", { "/npm-debug.log": { type: "text/plain", body: NPM_DEBUG_LOG } }),
      expect: (finding) => assert.match(finding?.summary ?? "", /npm debug log/),
    },
  ],
  safe: [
    { name: "a single-page app answering index.html everywhere", site: spaSite },
    { name: "a CDN answering with block pages", site: cdnSite },
    { name: "a catch-all JSON 404-as-200 API", site: jsonCatchAll },
    {
      name: "a host answering every path with the same log-like text (the baseline has it too)",
      site: recordedTextCatchAll("log", NGINX_ERROR_LOG),
    },
    {
      name: "an HTML page that quotes log lines",
      site: recordedStaticSite("log", {
        "/error.log": { type: "text/html", body: `<pre>${NGINX_ERROR_LOG}</pre>` },
      }),
    },
    {
      name: "a text file with one timestamped line is not a log",
      site: recordedStaticSite("log", {
        "/debug.log": { type: "text/plain", body: "Deployed 2026-03-01 10:00:00 INFO release 42\nThanks!\n" },
      }),
    },
  ],
});
