import assert from "node:assert/strict";
import { cdnSite } from "../../../test/fixtures/sites/cdn.ts";
import { spaSite } from "../../../test/fixtures/sites/spa.ts";
import type { Handler } from "../../../test/support/server.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { recorded } from "../../../test/tester/recording.ts";

/** What `vite` (the dev server) answers for index.html: its client injected before the app's entry. */
const VITE_DEV_PAGE = `<!doctype html>
<html lang="en"><head><script type="module" src="/@vite/client"></script>
<meta charset="UTF-8" /><title>Shop</title></head>
<body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body></html>`;

/** The Vite dev server as a loopback stand-in: the page, its client, and the app's source as-is. */
const viteDevServer: Handler = (req, res) => {
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  if (path === "/") return void res.writeHead(200, { "content-type": "text/html" }).end(VITE_DEV_PAGE);
  if (path === "/@vite/client")
    return void res
      .writeHead(200, { "content-type": "text/javascript" })
      .end('import "/node_modules/vite/dist/client/env.mjs";console.debug("[vite] connecting...");');
  if (path === "/src/main.tsx")
    return void res
      .writeHead(200, { "content-type": "text/javascript" })
      .end('import { createRoot } from "/node_modules/.vite/deps/react-dom_client.js";');
  res.writeHead(404).end();
};

/** A production Vite build: hashed assets, no client. */
const viteBuild: Handler = (req, res) => {
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  if (path === "/")
    return void res
      .writeHead(200, { "content-type": "text/html" })
      .end(
        '<!doctype html><html><head><script type="module" crossorigin src="/assets/index-B1x2c3.js"></script></head><body><div id="root"></div></body></html>',
      );
  if (path === "/assets/index-B1x2c3.js")
    return void res
      .writeHead(200, { "content-type": "text/javascript" })
      .end('(function(){const e=document.createElement("link").relList;})();');
  res.writeHead(404).end();
};

testCheck("exposure.dev-server", {
  vulnerable: [
    {
      name: "the Vite dev server answers the public site",
      site: viteDevServer,
      expect: (finding) => {
        assert.equal(finding?.severity, "medium");
        assert.match(finding?.summary ?? "", /Vite dev server/);
      },
    },
    {
      name: "next dev (pages router): __NEXT_DATA__ says buildId development",
      site: recorded().page({
        body: '<html><body><div id="__next"></div><script id="__NEXT_DATA__" type="application/json">{"props":{},"page":"/","buildId":"development","nextExport":true}</script><script src="/_next/static/chunks/webpack.js?ts=1"></script></body></html>',
      }),
      expect: (finding) => assert.match(finding?.summary ?? "", /Next\.js dev server/),
    },
    {
      name: "a bundle built by webpack-dev-server",
      site: recorded()
        .page({ body: '<html><script src="/static/js/bundle.js"></script></html>' })
        .bundle(
          "/static/js/bundle.js",
          '/***/ "./node_modules/webpack-dev-server/client/index.js?protocol=ws": /***/ (function(){ console.info("[webpack-dev-server] Hot Module Replacement enabled."); })',
        ),
    },
    {
      name: "the page loads React's UMD development build from a CDN",
      site: recorded().page({
        body: '<html><script crossorigin src="https://unpkg.com/react-dom@18/umd/react-dom.development.js"></script></html>',
      }),
    },
    {
      name: "React's development build in a bundle is low",
      site: recorded()
        .page({ body: '<html><script src="/assets/app.js"></script></html>' })
        .bundle(
          "/assets/app.js",
          "console.info('%cDownload the React DevTools for a better development experience: https://reactjs.org/link/react-devtools', 'font-weight:bold');",
        ),
      expect: (finding) => assert.equal(finding?.severity, "low"),
    },
  ],
  safe: [
    { name: "a production Vite build", site: viteBuild },
    {
      // React's CommonJS entry names both builds; a bundle that kept the module text is not a dev build.
      name: "a production bundle that still names react-dom.development.js in React's entry module",
      site: recorded()
        .page({ body: '<html><script src="/assets/app.js"></script></html>' })
        .bundle(
          "/assets/app.js",
          'if("production"==="production"){module.exports=require("./cjs/react-dom.production.min.js")}else{module.exports=require("./cjs/react-dom.development.js")}',
        ),
    },
    { name: "a single-page app answering index.html everywhere", site: spaSite },
    { name: "a CDN-fronted site", site: cdnSite },
    {
      name: "a production Next.js page (hashed chunks, a real build id)",
      site: recorded().page({
        body: '<html><script src="/_next/static/chunks/webpack-59c5c889f52620d6.js" async></script><script id="__NEXT_DATA__" type="application/json">{"buildId":"Zq8wLr2Kp0Xy","page":"/"}</script></html>',
      }),
    },
    {
      name: "a blog post about Vite that mentions the client path in prose",
      site: recorded().page({
        body: "<html><p>In development, Vite injects /@vite/client into every page; production builds do not.</p></html>",
      }),
    },
  ],
});
