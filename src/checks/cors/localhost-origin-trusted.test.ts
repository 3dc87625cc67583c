import assert from "node:assert/strict";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { expressSite, honoSite } from "../../../test/fixtures/cors/frameworks.ts";
import { handRolledSite } from "../../../test/fixtures/cors/hand-rolled.ts";

testCheck("cors.localhost-origin-trusted", {
  vulnerable: [
    {
      name: 'express + cors with [own origin, "http://localhost:3000"] left in from development',
      site: expressSite((site) => ({ origin: [site.origin, "http://localhost:3000"], credentials: true })),
      expect: (finding) => {
        assert.equal(finding?.severity, "low");
        assert.equal(finding?.details.originTried, "http://localhost:3000");
      },
    },
    {
      name: 'hono/cors with [own origin, "http://localhost:5173"] (Vite dev server)',
      site: honoSite((site) => ({ origin: [site.origin, "http://localhost:5173"] })),
    },
  ],
  safe: [
    {
      name: "express + cors with an exact array of origins",
      site: expressSite((site) => ({ origin: [site.origin], credentials: true })),
    },
    {
      name: "a development allowlist on a site scanned as localhost itself",
      site: handRolledSite({
        allow: ({ origin, own }) => [own, "http://localhost:3000", "http://localhost:5173"].includes(origin),
      }),
      scan: { host: "localhost" },
    },
  ],
});
