import assert from "node:assert/strict";
import { cdnSite } from "../../../test/fixtures/sites/cdn.ts";
import { spaSite } from "../../../test/fixtures/sites/spa.ts";
import { startServer, type Handler, type TestServer } from "../../../test/support/server.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { recorded, type RecordedAnswer } from "../../../test/tester/recording.ts";
import { DEBUG_PATHS } from "../../probes/info/debug.ts";

const HOME = "<!doctype html><title>Shop</title><h1>Shop</h1>";

type Paths = Record<string, string | { status: number; type: string; body: string }>;

/** What the site answers for a path: the entry (status 200 unless given), or a real 404. */
function answerFor(paths: Paths, path: string): Required<Omit<RecordedAnswer, "headers">> {
  const entry = paths[path];
  if (entry === undefined) return { status: 404, type: "text/plain", body: "Not found" };
  return typeof entry === "string"
    ? { status: 200, type: entry.startsWith("{") ? "application/json" : "text/html", body: entry }
    : entry;
}

/** A site with a homepage, the given paths (status 200 unless given), and real 404s elsewhere. */
function site(paths: Paths, home = HOME): Handler {
  return (req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (path === "/") return res.writeHead(200, { "content-type": "text/html" }).end(home);
    const { status, type, body } = answerFor(paths, path);
    res.writeHead(status, { "content-type": type }).end(body);
  };
}

/**
 * The same site as the info-debug probe records it: the homepage, and its one GET for each debug path
 * (the follow-up /actuator/env is asked for only when the actuator index lists it; no case here does).
 */
function recordedSite(paths: Paths, home = HOME) {
  const recording = recorded().page({ type: "text/html", body: home });
  for (const { path, kind } of DEBUG_PATHS) recording.debugEndpoint(kind, path, answerFor(paths, path));
  return recording;
}

const PHPINFO_8 = `<!DOCTYPE html><html><head><title>PHP 8.2.7 - phpinfo()</title></head><body><div class="center">
<table><tr class="h"><td><h1 class="p">PHP Version 8.2.7</h1></td></tr></table>
<table><tr><td class="e">System </td><td class="v">Linux web-1 5.15.0 x86_64 </td></tr>
<tr><td class="e">Loaded Configuration File </td><td class="v">/etc/php/8.2/apache2/php.ini </td></tr></table>
<h2>PHP License</h2></div></body></html>`;

const PHPINFO_7 = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"><html><head><title>phpinfo()</title></head>
<body><h1 class="p">PHP Version 7.4.3</h1></body></html>`;

const SERVER_STATUS = `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN"><html><head><title>Apache Status</title></head><body>
<h1>Apache Server Status for shop.example (via 10.0.0.5)</h1>
<dl><dt>Server Version: Apache/2.4.41 (Ubuntu)</dt><dt>Current Time: Wednesday, 01-May-2024 10:00:00 UTC</dt></dl>
<table><tr><td>GET /account?token=abc HTTP/1.1</td></tr></table></body></html>`;

const ACTUATOR_INDEX = JSON.stringify({
  _links: {
    self: { href: "http://app.fixture.test/actuator", templated: false },
    health: { href: "http://app.fixture.test/actuator/health", templated: false },
    env: { href: "http://app.fixture.test/actuator/env", templated: false },
    heapdump: { href: "http://app.fixture.test/actuator/heapdump", templated: false },
  },
});
const ACTUATOR_ENV = JSON.stringify({
  activeProfiles: ["prod"],
  propertySources: [{ name: "systemEnvironment", properties: { DB_HOST: { value: "db.internal" } } }],
});

/** Records every path, to prove /actuator/heapdump is never requested. */
function recording(handler: Handler): { start: () => Promise<TestServer>; paths: string[] } {
  const paths: string[] = [];
  const logged: Handler = (req, res) => {
    paths.push(req.url ?? "");
    handler(req, res);
  };
  return { paths, start: () => startServer(logged) };
}
const actuatorSite = recording(site({ "/actuator": ACTUATOR_INDEX, "/actuator/env": ACTUATOR_ENV }));

testCheck("info.debug-endpoint", {
  vulnerable: [
    {
      name: "phpinfo() at /phpinfo.php (PHP 8 title)",
      site: recordedSite({ "/phpinfo.php": PHPINFO_8 }),
      expect: (finding) => {
        assert.match(finding?.url ?? "", /\/phpinfo\.php$/);
        assert.equal(finding?.severity, "medium");
        assert.match(finding?.evidence[0]?.response?.bodyExcerpt ?? "", /phpinfo\(\)/);
      },
    },
    { name: "phpinfo() at /info.php (PHP 7)", site: recordedSite({ "/info.php": PHPINFO_7 }) },
    {
      name: "Apache's server-status",
      site: recordedSite({ "/server-status": SERVER_STATUS }),
      expect: (finding) => assert.equal(finding?.details.endpoint, "server-status"),
    },
    {
      name: "Spring Boot Actuator with env and heapdump: one finding, heapdump never requested",
      site: actuatorSite,
      expect: (finding) => {
        assert.equal(finding?.severity, "high");
        assert.equal(finding?.details.actuatorEndpoints, "env, heapdump");
        assert.equal(finding?.urls.length, 2, "the index and /env are one finding");
        assert.ok(actuatorSite.paths.includes("/actuator/env"));
        assert.ok(
          !actuatorSite.paths.some((path) => path.includes("heapdump")),
          "heapdump must never be requested",
        );
      },
    },
    {
      name: "Laravel Ignition that can run commands",
      site: recordedSite({ "/_ignition/health-check": '{"can_execute_commands":true}' }),
      expect: (finding) => assert.equal(finding?.severity, "high"),
    },
    {
      name: "a Vite development server on the public address",
      site: recordedSite(
        {},
        '<!doctype html><html><head><script type="module" src="/@vite/client"></script></head><body><div id="app"></div><script type="module" src="/src/main.ts"></script></body></html>',
      ),
      expect: (finding) => assert.match(finding?.summary ?? "", /Vite development server/),
    },
    {
      name: "a Next.js development server",
      site: recordedSite(
        {},
        '<!doctype html><html><head><script src="/_next/static/chunks/react-refresh.js?ts=1714557600000"></script></head><body><div id="__next"></div><script id="__NEXT_DATA__" type="application/json">{"props":{},"page":"/","buildId":"development"}</script></body></html>',
      ),
      expect: (finding) => assert.match(finding?.summary ?? "", /Next\.js development server/),
    },
  ],
  safe: [
    { name: "a single-page app answering 200 with index.html everywhere", site: spaSite },
    { name: "a CDN answering 403 block pages on these paths", site: cdnSite },
    {
      name: "an actuator that lists only health and info (Spring Boot's default)",
      site: recordedSite({
        "/actuator": JSON.stringify({
          _links: {
            self: { href: "/actuator" },
            health: { href: "/actuator/health" },
            info: { href: "/actuator/info" },
          },
        }),
      }),
    },
    {
      name: "pages that mention these names without being them",
      site: recordedSite({
        "/phpinfo.php":
          "<!doctype html><title>What phpinfo() shows</title><p>Call phpinfo() to see PHP Version 8.2</p>",
        "/server-status": '{"status":"ok","uptime":12345}',
        "/actuator": '{"status":"UP"}',
        "/_ignition/health-check": { status: 404, type: "text/html", body: "<h1>404 | Not Found</h1>" },
      }),
    },
    {
      name: "a production Next.js build",
      site: recordedSite(
        {},
        '<!doctype html><html><head><script src="/_next/static/chunks/webpack-5c2b1b5f.js" async></script></head><body><script id="__NEXT_DATA__" type="application/json">{"buildId":"Xk3jv9aQ1"}</script></body></html>',
      ),
    },
    {
      name: "a phpinfo page behind an error status (a WAF answered)",
      site: recordedSite({ "/phpinfo.php": { status: 403, type: "text/html", body: PHPINFO_8 } }),
    },
  ],
});
