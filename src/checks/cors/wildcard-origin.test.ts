import assert from "node:assert/strict";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { expressSite, fastifySite, honoSite, koaSite } from "../../../test/fixtures/cors/frameworks.ts";
import { cdnSite } from "../../../test/fixtures/sites/cdn.ts";
import { spaSite } from "../../../test/fixtures/sites/spa.ts";

testCheck("cors.wildcard-origin", {
  vulnerable: [
    {
      name: "express + cors() defaults",
      site: expressSite(() => undefined),
      expect: (finding) => assert.equal(finding?.severity, "info"),
    },
    { name: "@fastify/cors defaults", site: fastifySite(() => ({})) },
    { name: "hono/cors() defaults", site: honoSite(() => undefined) },
    { name: "@koa/cors() defaults", site: koaSite(() => undefined) },
  ],
  safe: [
    {
      name: "express + cors with an exact array of origins",
      site: expressSite((site) => ({ origin: [site.origin] })),
    },
    { name: "a CDN serving its static assets (not API endpoints) with `*`", site: cdnSite },
    { name: "a single-page app answering 200 everywhere", site: spaSite },
    {
      name: "a host adding `*` to its 404 page: /api and /graphql were only guessed, and do not exist",
      site: (req, res) => {
        if (req.url === "/") {
          res
            .writeHead(200, { "content-type": "text/html" })
            .end("<!doctype html><title>Docs</title><p>hi</p>");
          return;
        }
        res.writeHead(404, { "access-control-allow-origin": "*", "content-type": "text/html" }).end("404");
      },
    },
  ],
});
