import { testCheck } from "../../../test/tester/check-tester.ts";
import { expressSite, honoSite } from "../../../test/fixtures/cors/frameworks.ts";
import { handRolledSite } from "../../../test/fixtures/cors/hand-rolled.ts";
import { FIXTURE_HOST } from "../../../test/support/scan-fixture.ts";

testCheck("cors.unescaped-dot-bypass", {
  vulnerable: [
    {
      name: "express + cors with /^https?:\\/\\/app.fixture.test(:\\d+)?$/ (dots unescaped)",
      site: expressSite(() => ({ origin: /^https?:\/\/app.fixture.test(:\d+)?$/, credentials: true })),
    },
    {
      name: "hono/cors with a function testing /^https?:\\/\\/(www.|app.)?fixture.test(:\\d+)?$/",
      site: honoSite(() => ({
        origin: (origin) => (/^https?:\/\/(www.|app.)?fixture.test(:\d+)?$/.test(origin) ? origin : null),
        credentials: true,
      })),
    },
    {
      name: "hand-rolled: a RegExp built from the host name without escaping it",
      site: handRolledSite({
        allow: ({ origin }) => new RegExp(`^http://${FIXTURE_HOST}(:\\d+)?$`).test(origin),
      }),
    },
  ],
  safe: [
    {
      name: "express + cors with the same regex, dots escaped",
      site: expressSite(() => ({ origin: /^https?:\/\/app\.fixture\.test(:\d+)?$/, credentials: true })),
    },
    {
      name: "express + cors with an exact array of origins",
      site: expressSite((site) => ({ origin: [site.origin], credentials: true })),
    },
  ],
});
