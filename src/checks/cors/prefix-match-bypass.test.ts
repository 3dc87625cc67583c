import { testCheck } from "../../../test/tester/check-tester.ts";
import { reportedAs } from "../../../test/fixtures/cors/expect.ts";
import { expressSite, fastifySite } from "../../../test/fixtures/cors/frameworks.ts";
import { handRolledSite } from "../../../test/fixtures/cors/hand-rolled.ts";
import { FIXTURE_HOST } from "../../../test/support/scan-fixture.ts";

testCheck("cors.prefix-match-bypass", {
  vulnerable: [
    {
      name: 'hand-rolled: origin.startsWith("http://" + host)',
      site: handRolledSite({ allow: ({ origin }) => origin.startsWith(`http://${FIXTURE_HOST}`) }),
    },
    {
      name: "@fastify/cors with a regex anchored at the start only",
      site: fastifySite(() => ({ origin: /^https?:\/\/app\.fixture\.test/, credentials: true })),
    },
    {
      name: "express + cors with an origin function using startsWith, without credentials (low)",
      site: expressSite(() => ({
        origin: (origin, callback) => callback(null, origin?.startsWith(`http://${FIXTURE_HOST}`) ?? false),
      })),
    },
  ],
  safe: [
    {
      name: "express + cors with an exact array of origins",
      site: expressSite((site) => ({ origin: [site.origin], credentials: true })),
    },
    {
      name: "@fastify/cors with an anchored, escaped regex",
      site: fastifySite(() => ({ origin: /^https?:\/\/app\.fixture\.test(:\d+)?$/, credentials: true })),
    },
    {
      name: "hand-rolled: origin.includes(site) lets both look-alikes in; reported once, as the suffix bypass",
      site: handRolledSite({ allow: ({ origin }) => origin.includes("fixture.test") }),
      ...reportedAs("cors.suffix-match-bypass"),
    },
  ],
});
