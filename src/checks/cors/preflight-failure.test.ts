import assert from "node:assert/strict";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { expressSite } from "../../../test/fixtures/cors/frameworks.ts";
import { handRolledSite, type HandRolledPolicy } from "../../../test/fixtures/cors/hand-rolled.ts";
import { wellConfiguredSite } from "../../../test/fixtures/sites/well-configured.ts";
import { lazySite } from "../../../test/fixtures/cors/lazy-server.ts";
import {
  API_HOST,
  FRONT_END,
  frontEndOnly,
  SIBLING_PINS,
} from "../../../test/fixtures/cors/sibling-trust.ts";

const exact: HandRolledPolicy = { allow: ({ origin, own }) => origin === own };

testCheck("cors.preflight-failure", {
  vulnerable: [
    {
      name: "OPTIONS answers 404 (the router has no OPTIONS route)",
      site: handRolledSite({ ...exact, preflight: 404 }),
      expect: (finding) => assert.match(finding?.summary ?? "", /answered 404/),
    },
    { name: "OPTIONS answers 405", site: handRolledSite({ ...exact, preflight: 405 }) },
    { name: "OPTIONS answers 500", site: handRolledSite({ ...exact, preflight: 500 }) },
    {
      name: "auth middleware before CORS: OPTIONS answers 401",
      site: handRolledSite({ ...exact, preflight: 401 }),
    },
    {
      name: "express + cors() on the GET route only: Express answers OPTIONS itself, without CORS headers",
      site: expressSite((site) => ({ origin: [site.origin] }), { mount: "get-only" }),
      expect: (finding) => assert.match(finding?.summary ?? "", /without Access-Control-Allow-Origin/),
    },
    {
      name: "an API (api.) trusting only its front-end (https://app.), OPTIONS answers 404",
      site: handRolledSite({ ...frontEndOnly, preflight: 404 }),
      scan: { host: API_HOST, ...SIBLING_PINS },
      expect: (finding) => {
        assert.ok(finding?.summary.includes(FRONT_END), finding?.summary);
        assert.match(finding?.summary ?? "", /answered 404/);
      },
    },
  ],
  safe: [
    {
      name: "an API (api.) trusting only its front-end, whose preflight works",
      site: handRolledSite(frontEndOnly),
      scan: { host: API_HOST, ...SIBLING_PINS },
    },
    {
      name: "express + app.use(cors(...)) answers preflights",
      site: expressSite((site) => ({ origin: [site.origin], credentials: true })),
    },
    {
      name: "an HTML page served with `*` by a static host that answers OPTIONS with 405",
      site: (req, res) => {
        const headers = { "access-control-allow-origin": "*", "content-type": "text/html" };
        res.writeHead(req.method === "OPTIONS" ? 405 : 200, headers).end("<!doctype html><p>static</p>");
      },
    },
    {
      name: "a CORS-enabled path that does not exist (404 on GET too)",
      site: handRolledSite({ ...exact, preflight: 404 }),
      scan: { path: "/api/missing" },
    },
    {
      name: "the well-configured fixture",
      site: lazySite((site) => wellConfiguredSite(() => site.origin)),
    },
  ],
});
