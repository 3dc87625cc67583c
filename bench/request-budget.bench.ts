import type { RecordedScan } from "../src/engine/recording-file.ts";
import { cdnSite } from "../test/fixtures/sites/cdn.ts";
import { spaSite } from "../test/fixtures/sites/spa.ts";
import { startServer, type Handler } from "../test/support/server.ts";
import { scanFixtureAlone } from "../test/support/scan-fixture.ts";

/**
 * `npm run bench -- request-budget`: how many requests a default scan (every check, default budget)
 * spends per probe family on a few typical sites, so a new family's cost shows before it eats the budget.
 */
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>
<script type="module" src="/assets/index-3f2a.js"></script></head><body><div id="root"></div></body></html>`;
const BUNDLE = `const api={me:()=>fetch("/api/me",{credentials:"include"}),products:()=>fetch("/api/products"),
graph:(q)=>fetch("/api/graphql",{method:"POST",body:JSON.stringify({query:q})})};export default api;`;

/** A small app with real 404s: a page, one bundle naming three API endpoints. */
const smallApp: Handler = (req, res) => {
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  if (path === "/") return void res.writeHead(200, { "content-type": "text/html" }).end(PAGE);
  if (path === "/assets/index-3f2a.js")
    return void res.writeHead(200, { "content-type": "text/javascript" }).end(BUNDLE);
  if (path.startsWith("/api/"))
    return void res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
  res.writeHead(404, { "content-type": "text/plain" }).end("not found");
};

/** A PHP site (X-Powered-By, .php links): the PHP-only paths are asked too. */
const phpSite: Handler = (req, res) => {
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  if (path === "/")
    return void res
      .writeHead(200, { "content-type": "text/html", "x-powered-by": "PHP/8.2.1" })
      .end('<!doctype html><title>Blog</title><a href="/index.php?p=2">next</a>');
  res.writeHead(404, { "content-type": "text/html" }).end("<h1>Not Found</h1>");
};

const SITES: ReadonlyArray<readonly [string, Handler]> = [
  ["small app (page, bundle, 3 API endpoints)", smallApp],
  ["PHP site", phpSite],
  ["SPA answering 200 everywhere", spaSite],
  ["CDN-fronted site", cdnSite],
];

export default async function bench(): Promise<void> {
  for (const [name, handler] of SITES) {
    const server = await startServer(handler);
    let recorded: RecordedScan | undefined;
    try {
      const report = await scanFixtureAlone(server, { onRecorded: (scan) => (recorded = scan) });
      const perProbe = new Map<string, number>();
      for (const exchange of recorded?.recording.exchanges ?? [])
        perProbe.set(exchange.probe, (perProbe.get(exchange.probe) ?? 0) + 1);
      const families = [...perProbe.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([probe, count]) => `${probe} ${count}`)
        .join(", ");
      console.log(
        `${name}: ${report.requests.sent} of ${report.requests.budget} requests (${families}); server saw ${server.seen.length}`,
      );
    } finally {
      await server.close();
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await bench();
