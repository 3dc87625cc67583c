import { testCheck } from "../../../test/tester/check-tester.ts";
import { reportedAs } from "../../../test/fixtures/cors/expect.ts";
import { expressSite, fastifySite, honoSite } from "../../../test/fixtures/cors/frameworks.ts";
import { handRolledSite } from "../../../test/fixtures/cors/hand-rolled.ts";

testCheck("cors.origin-reflected-no-credentials", {
  vulnerable: [
    { name: "express + cors({ origin: true })", site: expressSite(() => ({ origin: true })) },
    { name: "@fastify/cors { origin: true }", site: fastifySite(() => ({ origin: true })) },
    {
      name: "hono/cors with an origin function returning the request's origin",
      site: honoSite(() => ({ origin: (origin) => origin })),
    },
    {
      name: "hand-rolled: Access-Control-Allow-Origin = req.headers.origin",
      site: handRolledSite({ allow: () => true, credentials: false }),
    },
  ],
  safe: [
    {
      name: "express + cors({ origin: true, credentials: true })",
      site: expressSite(() => ({ origin: true, credentials: true })),
      ...reportedAs("cors.origin-reflected"),
    },
    {
      name: "express + cors() defaults (`*`)",
      site: expressSite(() => undefined),
      ...reportedAs("cors.wildcard-origin"),
    },
    {
      name: "express + cors with an exact array of origins",
      site: expressSite((site) => ({ origin: [site.origin] })),
    },
  ],
});
