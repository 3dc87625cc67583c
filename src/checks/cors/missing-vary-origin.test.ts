import { testCheck } from "../../../test/tester/check-tester.ts";
import { expressSite } from "../../../test/fixtures/cors/frameworks.ts";
import assert from "node:assert/strict";
import { handRolledSite, type HandRolledPolicy } from "../../../test/fixtures/cors/hand-rolled.ts";
import {
  API_HOST,
  FRONT_END,
  frontEndOnly,
  SIBLING_PINS,
} from "../../../test/fixtures/cors/sibling-trust.ts";

/** Echoes its own origin only, as an exact allowlist does, but forgets Vary: Origin. */
const exactWithoutVary: HandRolledPolicy = { allow: ({ origin, own }) => origin === own, vary: false };

testCheck("cors.missing-vary-origin", {
  vulnerable: [
    {
      name: "an allowlisted origin echoed in a response cacheable for 5 minutes, no Vary",
      site: handRolledSite({ ...exactWithoutVary, cacheControl: "public, max-age=300" }),
    },
    {
      name: "an allowlisted origin echoed with only Last-Modified (heuristically cacheable), no Vary",
      site: handRolledSite({
        ...exactWithoutVary,
        headers: { "last-modified": "Mon, 01 Jan 2024 00:00:00 GMT" },
      }),
    },
    {
      name: "an API (api.) trusting only its front-end (https://app.), cacheable, no Vary",
      site: handRolledSite({ ...frontEndOnly, vary: false, cacheControl: "public, max-age=300" }),
      scan: { host: API_HOST, ...SIBLING_PINS },
      expect: (finding) => assert.ok(finding?.summary.includes(FRONT_END), finding?.summary),
    },
  ],
  safe: [
    {
      name: "an API (api.) trusting only its front-end, cacheable, with Vary: Origin",
      site: handRolledSite({ ...frontEndOnly, cacheControl: "public, max-age=300" }),
      scan: { host: API_HOST, ...SIBLING_PINS },
    },
    {
      name: "the same cacheable answer with Vary: Origin",
      site: handRolledSite({ ...exactWithoutVary, vary: true, cacheControl: "public, max-age=300" }),
    },
    {
      name: "no Vary, but Cache-Control: no-store",
      site: handRolledSite({ ...exactWithoutVary, cacheControl: "no-store" }),
    },
    {
      name: "no Vary, and no freshness at all (Express's default: revalidated, answered per origin)",
      site: handRolledSite({ ...exactWithoutVary, headers: { etag: 'W/"2a-abc"' } }),
    },
    {
      name: "a fixed Access-Control-Allow-Origin (the same for every Origin) needs no Vary",
      site: handRolledSite({
        ...exactWithoutVary,
        cacheControl: "public, max-age=300",
        fixedAllowOrigin: (own) => own,
      }),
    },
    {
      name: "express + cors with an exact array of origins (it adds Vary: Origin)",
      site: expressSite((site) => ({ origin: [site.origin], credentials: true })),
    },
  ],
});
