import assert from "node:assert/strict";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { expressSite, fastifySite } from "../../../test/fixtures/cors/frameworks.ts";
import { handRolledSite } from "../../../test/fixtures/cors/hand-rolled.ts";

testCheck("cors.null-origin-trusted", {
  vulnerable: [
    {
      name: 'express + cors with "null" in the origin list (to make file:// testing work)',
      site: expressSite((site) => ({ origin: [site.origin, "null"], credentials: true })),
      expect: (finding) => {
        assert.match(finding?.poc ?? "", /sandbox="allow-scripts"/, "the PoC runs in a sandboxed frame");
      },
    },
    {
      name: '@fastify/cors with "null" in the origin list',
      site: fastifySite((site) => ({ origin: [site.origin, "null"], credentials: true })),
    },
    {
      name: 'hand-rolled: allowed.includes(origin) with "null" in the list',
      site: handRolledSite({ allow: ({ origin, own }) => [own, "null"].includes(origin) }),
    },
  ],
  safe: [
    {
      name: "express + cors with an exact array of origins",
      site: expressSite((site) => ({ origin: [site.origin], credentials: true })),
    },
    {
      name: '"null" allowed without credentials (nothing private to read)',
      site: handRolledSite({
        allow: ({ origin, own }) => [own, "null"].includes(origin),
        credentials: false,
      }),
    },
  ],
});
