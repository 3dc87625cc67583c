import { testCheck } from "../../../test/tester/check-tester.ts";
import { reportedAs } from "../../../test/fixtures/cors/expect.ts";
import { expressSite, fastifySite } from "../../../test/fixtures/cors/frameworks.ts";
import { handRolledSite } from "../../../test/fixtures/cors/hand-rolled.ts";

testCheck("cors.any-subdomain-trusted", {
  vulnerable: [
    {
      name: 'hand-rolled: hostname.endsWith(".fixture.test") with credentials',
      site: handRolledSite({ allow: ({ hostname }) => hostname.endsWith(".fixture.test") }),
    },
    {
      name: "@fastify/cors with /^https?:\\/\\/([a-z0-9-]+\\.)*fixture\\.test(:\\d+)?$/",
      site: fastifySite(() => ({
        origin: /^https?:\/\/([a-z0-9-]+\.)*fixture\.test(:\d+)?$/,
        credentials: true,
      })),
    },
  ],
  safe: [
    {
      name: "every subdomain allowed, but without credentials",
      site: handRolledSite({
        allow: ({ hostname }) => hostname.endsWith(".fixture.test"),
        credentials: false,
      }),
    },
    {
      name: "express + cors with an exact array of origins",
      site: expressSite((site) => ({ origin: [site.origin], credentials: true })),
    },
    {
      name: 'endsWith("fixture.test") without the dot: reported as the worse suffix bypass only',
      site: handRolledSite({ allow: ({ hostname }) => hostname.endsWith("fixture.test") }),
      ...reportedAs("cors.suffix-match-bypass"),
    },
  ],
});
