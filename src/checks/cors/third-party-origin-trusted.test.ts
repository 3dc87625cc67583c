import assert from "node:assert/strict";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { expressSite, honoSite } from "../../../test/fixtures/cors/frameworks.ts";
import { handRolledSite } from "../../../test/fixtures/cors/hand-rolled.ts";

testCheck("cors.third-party-origin-trusted", {
  vulnerable: [
    {
      name: "express + cors with [own origin, /\\.vercel\\.app$/] to let preview deployments in",
      site: expressSite((site) => ({ origin: [site.origin, /\.vercel\.app$/], credentials: true })),
      expect: (finding) => {
        assert.equal(finding?.details.originTried, "https://amihackable-probe.vercel.app");
        assert.ok(finding?.poc?.includes("amihackable-probe.vercel.app"), "the PoC says where to host it");
      },
    },
    {
      name: 'hand-rolled: hostname.endsWith(".netlify.app")',
      site: handRolledSite({
        allow: ({ origin, own, hostname }) => origin === own || hostname.endsWith(".netlify.app"),
      }),
    },
    {
      name: "hono/cors with a function trusting *.vercel.app",
      site: honoSite((site) => ({
        origin: (origin) => (origin === site.origin || /\.vercel\.app$/.test(origin) ? origin : null),
        credentials: true,
      })),
    },
    {
      name: "*.onrender.com trusted by a site served from Render (the platform is read from its headers)",
      site: handRolledSite({
        allow: ({ origin, own, hostname }) => origin === own || hostname.endsWith(".onrender.com"),
        pageHeaders: { "x-render-origin-server": "Render" },
      }),
    },
  ],
  safe: [
    {
      name: "express + cors with the exact production deployment on vercel.app",
      site: expressSite((site) => ({
        origin: [site.origin, "https://fixture-app.vercel.app"],
        credentials: true,
      })),
    },
    {
      name: "express + cors with an exact array of origins",
      site: expressSite((site) => ({ origin: [site.origin], credentials: true })),
    },
  ],
});
