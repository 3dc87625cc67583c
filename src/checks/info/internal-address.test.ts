import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { cdnSite } from "../../../test/fixtures/sites/cdn.ts";
import { spaSite } from "../../../test/fixtures/sites/spa.ts";
import type { Handler } from "../../../test/support/server.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { recorded, recordedPage, type Headers } from "../../../test/tester/recording.ts";
import { internalAddresses, isInternalIp } from "./internal-addresses.ts";

const PAGE = "<!doctype html><title>Shop</title><h1>Shop</h1>";

/** A live site: the page with `headers`, and `error` (status, body) for every other path. */
function liveSite(headers: Record<string, string>, error?: { status: number; body: string }): Handler {
  return (req, res) => {
    if (req.url === "/") return res.writeHead(200, { "content-type": "text/html", ...headers }).end(PAGE);
    if (error) return res.writeHead(error.status, { "content-type": "text/html" }).end(error.body);
    res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
  };
}

/** The page, and an error answer to the info-errors probe's malformed path. */
function errorPage(status: number, body: string, type = "text/html") {
  return recorded().page({ body: PAGE }).errorTrigger("path", "/amihackable-%%", { status, type, body });
}

const withHeaders = (headers: Headers) => recordedPage(headers, PAGE);

const PG_ERROR = `<!doctype html><title>500</title><h1>Internal Server Error</h1>
<pre>OperationalError: could not connect to server: Connection refused
	Is the server running on host "10.20.30.40" and accepting TCP/IP connections on port 5432?
DATABASE_URL=postgres://shop:hunter2@10.20.30.40:5432/shop</pre>`;

testCheck("info.internal-address", {
  vulnerable: [
    {
      name: "a live proxy's Via and X-Backend-Server headers",
      site: liveSite({ via: "1.1 10.0.3.12:8080 (squid)", "x-backend-server": "ip-10-0-3-12.ec2.internal" }),
      expect: (finding) => {
        assert.deepEqual(Object.keys(finding?.details ?? {}), ["10.0.3.12", "ip-10-0-3-12.ec2.internal"]);
        assert.equal(finding?.severity, "low");
        assert.match(finding?.summary ?? "", /10\.0\.3\.12 \(the via header\)/);
      },
    },
    {
      name: "a live 502 page naming the upstream it failed to reach",
      site: liveSite(
        {},
        {
          status: 502,
          body: '<h1>Bad Gateway</h1><p>connect() failed (111: Connection refused) while connecting to upstream, upstream: "http://172.16.4.2:3000/"</p>',
        },
      ),
      expect: (finding) => assert.ok(finding?.details["172.16.4.2"]?.includes("the body of the 502 answer")),
    },
    {
      name: "a redirect to the app server's private address",
      site: withHeaders({ location: "http://192.168.10.5:8080/login" }),
    },
    {
      name: "a database error page, with the password of its connection string redacted",
      site: errorPage(500, PG_ERROR),
      expect: (finding) => {
        const excerpt = finding?.evidence[0]?.response?.bodyExcerpt ?? "";
        assert.match(excerpt, /10\.20\.30\.40/);
        assert.doesNotMatch(excerpt, /hunter2/);
      },
    },
    {
      name: "a Kubernetes service name in an error",
      site: errorPage(
        500,
        "Error: getaddrinfo ENOTFOUND redis-master.default.svc.cluster.local",
        "text/plain",
      ),
    },
    {
      name: "a carrier-grade NAT address in X-Served-By",
      site: withHeaders({ "x-served-by": "100.64.12.7" }),
    },
    { name: "a unique-local IPv6 upstream", site: withHeaders({ "x-upstream": "[fd12:3456:789a::5]:8080" }) },
    {
      name: "the proxies after the client in X-Forwarded-For",
      site: withHeaders({ "x-forwarded-for": "203.0.113.9, 10.1.0.4" }),
      expect: (finding) => assert.deepEqual(Object.keys(finding?.details ?? {}), ["10.1.0.4"]),
    },
    {
      name: "an internal name in a cookie's Domain",
      site: withHeaders({ "set-cookie": "sid=1; Domain=app.corp; Path=/" }),
    },
  ],
  safe: [
    {
      name: "a 404 page of the site's own template, with an article about routers",
      site: errorPage(
        404,
        "<h1>Not found</h1><aside>Popular: find your router's IP address 192.168.1.1</aside>",
      ),
    },
    {
      // The user scanned a URL that carries the address; a redirect that echoes it leaks nothing.
      name: "a header echoing what the scanner sent",
      site: recorded("http://app.fixture.test:8080/?next=http://10.0.0.9/").page({
        status: 302,
        headers: { location: "http://10.0.0.9/" },
        body: "",
      }),
    },
    {
      name: "a live site without internal addresses",
      site: liveSite({ via: "1.1 varnish", server: "nginx" }),
    },
    {
      name: "a live site echoing the client's address (the scanner's own)",
      site: liveSite({ "x-real-ip": "10.9.8.7", "x-forwarded-for": "192.168.1.20" }),
    },
    { name: "a single-page app answering 200 everywhere", site: spaSite },
    { name: "a CDN with block pages", site: cdnSite },
    {
      name: "loopback is not an internal network",
      site: withHeaders({ "x-backend-server": "127.0.0.1:3000", via: "1.1 localhost.localdomain" }),
    },
    {
      name: "a version string that looks like an address",
      site: withHeaders({ "x-version": "10.2.3.4", server: "Product/10.1.2.3", "x-build": "1.10.0.0.1" }),
    },
    {
      // The user pinned the site to its staging address: an internal site, whose internal answers leak nothing.
      name: "a scan pinned to a private address",
      site: recorded()
        .page({ body: PAGE, headers: { location: "http://10.0.0.7/login" } })
        .pinned("10.0.0.5"),
    },
    {
      name: "the target's own host names",
      site: recorded("http://shop.corp/").page({
        body: PAGE,
        headers: { "x-backend-server": "web1.shop.corp" },
      }),
    },
    {
      name: "addresses in a 200 page's content",
      site: recordedPage({}, "<p>Set your router to 192.168.1.1 (host 192.168.1.1:80)</p>"),
    },
    {
      name: "an error page showing the visitor's own address",
      site: errorPage(
        503,
        "<h1>Access denied</h1><p>Your IP address: 10.4.4.4</p><p>Client IP 172.20.1.1</p>",
      ),
    },
    {
      name: "a private address in an error page without address context",
      site: errorPage(500, "Error code 10.0.0.1 in module 4"),
    },
    {
      name: "Java packages named internal in a stack trace",
      site: errorPage(
        500,
        "at jdk.internal.reflect.NativeMethodAccessorImpl.invoke(Unknown Source)\nat io.netty.util.internal.PlatformDependent.x",
      ),
    },
    {
      name: "addresses in a script that failed to load",
      site: recorded()
        .page({ body: PAGE })
        .bundle("/app.js", 'const host = "10.0.0.1:8080";', { status: 404 }),
    },
  ],
});

describe("internal address ranges (ipaddr.js)", () => {
  it("knows private, CGNAT, link-local and unique-local; not loopback, public or documentation", () => {
    for (const address of [
      "10.0.0.1",
      "172.31.255.255",
      "192.168.0.1",
      "100.64.0.1",
      "169.254.169.254",
      "fd00::1",
      "fe80::1",
      "::ffff:10.0.0.1",
    ])
      assert.ok(isInternalIp(address), address);
    for (const address of ["127.0.0.1", "::1", "8.8.8.8", "172.32.0.1", "192.0.2.1", "100.128.0.1"])
      assert.ok(!isInternalIp(address), address);
  });
  it("finds names only with a whole internal suffix", () => {
    assert.deepEqual(
      internalAddresses("a.internal b.local.js c.localdomain d.corp.example.com e.home.arpa").map(
        (m) => m.value,
      ),
      ["a.internal", "c.localdomain", "e.home.arpa"],
    );
  });
});
