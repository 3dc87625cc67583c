import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { CMS_PROBE } from "../../artifacts/index.ts";
import type { Exchange } from "../../core/index.ts";
import { wordpressPage, wordpressSite } from "../../../test/fixtures/cms/wordpress.ts";
import { spaSite } from "../../../test/fixtures/sites/spa.ts";
import { scanFixture } from "../../../test/support/scan-fixture.ts";
import { startServer, type Handler, type TestServer } from "../../../test/support/server.ts";

const CMS_IDS = ["cms.version-disclosed", "cms.user-enumeration", "cms.xmlrpc-enabled", "cms.install-open"];

/** A single-page app whose shell and code mention `wp-` paths: it is not WordPress and must cost nothing. */
const spaWithWpPaths: Handler = (req, res) => {
  if ((req.url ?? "/").startsWith("/static/"))
    return res
      .writeHead(200, { "content-type": "text/javascript" })
      .end('const routes=["/wp-admin","/wp-json/wp/v2/posts","/wp-content/uploads"];export default routes;');
  res.writeHead(200, { "content-type": "text/html" }).end(
    `<!doctype html><html><head><title>Import from WordPress</title>
<script type="module" src="/static/wp-import-4f9a.js"></script></head>
<body><div id="root"></div><a href="/wp-admin">Migrate your wp-admin</a><img src="/assets/wp-logo.svg"></body></html>`,
  );
};

describe("cms probe: what it sends", () => {
  const servers: TestServer[] = [];
  after(async () => Promise.all(servers.map((server) => server.close())));

  /** The cms probe's exchanges of a scan of `handler` with the given checks. */
  async function cmsExchanges(handler: Handler, only = CMS_IDS, path = "/"): Promise<Exchange[]> {
    const server = await startServer(handler);
    servers.push(server);
    let exchanges: Exchange[] = [];
    await scanFixture(server, {
      only,
      path,
      onRecorded: (scan) => (exchanges = scan.recording.exchanges.filter((e) => e.probe === CMS_PROBE)),
    });
    return exchanges;
  }
  const paths = (exchanges: Exchange[]) =>
    exchanges.map((e) => {
      const url = new URL(e.request.url);
      return url.pathname + url.search;
    });

  it("asks a default WordPress six paths, GETs only, never following the author redirect", async () => {
    const exchanges = await cmsExchanges(wordpressSite());
    assert.deepEqual(paths(exchanges).sort(), [
      "/?author=1",
      "/?feed=rss2",
      "/readme.html",
      "/wp-admin/install.php",
      "/wp-json/wp/v2/users",
      "/xmlrpc.php",
    ]);
    assert.ok(exchanges.every((e) => e.request.method === "GET" && e.request.body === undefined));
  });

  it("adds the ?rest_route= form only when the REST list is closed (seven on a hardened WordPress)", async () => {
    const exchanges = await cmsExchanges(
      wordpressSite({ hideVersion: true, users: "closed", authorRedirect: false, xmlrpc: false }),
    );
    assert.equal(exchanges.length, 7);
    assert.ok(paths(exchanges).includes("/?rest_route=/wp/v2/users"));
  });

  it("sends nothing to a single-page app with wp- paths in its shell and code", async () => {
    assert.deepEqual(await cmsExchanges(spaWithWpPaths), []);
    assert.deepEqual(await cmsExchanges(spaSite), []);
  });

  it("asks Drupal 7 for its changelog, and Drupal 10 (which has none at the root) nothing", async () => {
    const drupal =
      (head: string, headers: Record<string, string> = {}): Handler =>
      (req, res) =>
        res
          .writeHead(req.url === "/" ? 200 : 404, { "content-type": "text/html", ...headers })
          .end(`<!doctype html><head>${head}</head><h1>News</h1>`);
    const seven = await cmsExchanges(drupal('<script src="/misc/drupal.js?s4kq2x"></script>'));
    assert.deepEqual(paths(seven), ["/CHANGELOG.txt"]);
    const ten = await cmsExchanges(
      drupal('<script src="/core/misc/drupal.js?v=10.1.6"></script>', {
        "x-generator": "Drupal 10 (https://www.drupal.org)",
      }),
    );
    assert.deepEqual(ten, []);
  });

  it("asks only what the selected checks judge", async () => {
    const exchanges = await cmsExchanges(wordpressSite(), ["cms.xmlrpc-enabled"]);
    assert.deepEqual(paths(exchanges), ["/xmlrpc.php"]);
  });

  it("asks under the folder WordPress lives in", async () => {
    // A WordPress installed in /blog/: its page links its assets under /blog/wp-content/ and /blog/wp-includes/.
    const inFolder: Handler = (req, res) => {
      if (req.url === "/blog/")
        return res
          .writeHead(200, { "content-type": "text/html" })
          .end(wordpressPage().replace(/(["'])\/wp-/g, "$1/blog/wp-"));
      res.writeHead(404).end();
    };
    const exchanges = await cmsExchanges(inFolder, ["cms.xmlrpc-enabled"], "/blog/");
    assert.deepEqual(paths(exchanges), ["/blog/xmlrpc.php"]);
  });
});
