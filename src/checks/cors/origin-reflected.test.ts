import assert from "node:assert/strict";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { reportedAs } from "../../../test/fixtures/cors/expect.ts";
import { expressSite, fastifySite, honoSite, koaSite } from "../../../test/fixtures/cors/frameworks.ts";
import { handRolledSite } from "../../../test/fixtures/cors/hand-rolled.ts";
import { spaSite } from "../../../test/fixtures/sites/spa.ts";
import { API_PATH } from "../../../test/fixtures/cors/app-shell.ts";

const strictSite = handRolledSite({ allow: ({ origin, own }) => origin === own });

const onAccount = (finding: { url: string } | undefined) =>
  assert.match(finding?.url ?? "", /\/api\/account$/, "the finding is about the API the bundle calls");

testCheck("cors.origin-reflected", {
  vulnerable: [
    {
      name: "express + cors({ origin: true, credentials: true })",
      site: expressSite(() => ({ origin: true, credentials: true })),
      expect: onAccount,
    },
    {
      name: "express + cors with an origin function that always says yes",
      site: expressSite(() => ({ origin: (_origin, callback) => callback(null, true), credentials: true })),
      expect: onAccount,
    },
    {
      name: "@fastify/cors { origin: true, credentials: true }",
      site: fastifySite(() => ({ origin: true, credentials: true })),
      expect: onAccount,
    },
    {
      name: "hono/cors with an origin function returning the request's origin",
      site: honoSite(() => ({ origin: (origin) => origin, credentials: true })),
      expect: onAccount,
    },
    {
      name: "@koa/cors { credentials: true } (its default origin becomes the request's Origin)",
      site: koaSite(() => ({ credentials: true })),
      expect: onAccount,
    },
    {
      name: "an API that answers 401 without a session but echoes any origin with credentials",
      site: handRolledSite({ allow: () => true, status: 401 }),
      expect: (finding) => {
        onAccount(finding);
        assert.match(finding?.summary ?? "", /answered 401 to the scanner/);
      },
    },
  ],
  safe: [
    {
      name: "express + cors with an exact array of origins",
      site: expressSite((site) => ({ origin: [site.origin], credentials: true })),
    },
    {
      name: "express + cors({ origin: true }) without credentials (the no-credentials finding instead)",
      site: expressSite(() => ({ origin: true })),
      ...reportedAs("cors.origin-reflected-no-credentials"),
    },
    {
      name: "express + cors({ origin: '*', credentials: true }): browsers refuse that pair",
      site: expressSite(() => ({ origin: "*", credentials: true })),
      ...reportedAs("cors.wildcard-with-credentials"),
    },
    {
      name: "@koa/cors defaults (`*`, no credentials)",
      site: koaSite(() => undefined),
      ...reportedAs("cors.wildcard-origin"),
    },
    { name: "a single-page app answering 200 everywhere", site: spaSite },
    {
      // Error handlers often copy the Origin; the API route itself, asked the same way, is strict.
      name: "only a missing path (404 from an error handler) echoes the origin; the real API route does not",
      site: (req, res) => {
        const path = (req.url ?? "/").split("?")[0] ?? "/";
        if (path.startsWith("/api") && path !== API_PATH && req.headers.origin) {
          res.setHeader("access-control-allow-origin", req.headers.origin);
          res.setHeader("access-control-allow-credentials", "true");
          res.writeHead(404, { "content-type": "application/json" }).end('{"error":"no route"}');
          return;
        }
        strictSite(req, res);
      },
    },
  ],
});
