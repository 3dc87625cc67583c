import assert from "node:assert/strict";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { reportedAs } from "../../../test/fixtures/cors/expect.ts";
import { expressSite, fastifySite, honoSite } from "../../../test/fixtures/cors/frameworks.ts";
import { handRolledSite } from "../../../test/fixtures/cors/hand-rolled.ts";
import { API_HOST, endsWithWithoutDot, SIBLING_PINS } from "../../../test/fixtures/cors/sibling-trust.ts";

testCheck("cors.suffix-match-bypass", {
  vulnerable: [
    {
      name: 'hand-rolled: new URL(origin).hostname.endsWith("fixture.test"), no dot',
      site: handRolledSite({ allow: ({ hostname }) => hostname.endsWith("fixture.test") }),
      expect: (finding) => {
        assert.equal(finding?.severity, "high");
        assert.match(finding?.details.originTried ?? "", /^http:\/\/amihackable-probefixture\.test$/);
      },
    },
    {
      // The site's own origin carries a port, so it fails the check and gets no CORS header at all: the
      // scanner must find an origin the API accepts (its origin without the port) before trying bypasses.
      name: 'an API (api.fixture.test) checking origin.endsWith("fixture.test") on the whole origin string',
      // Without Vary, nothing in the first answers shows that the origin matters.
      site: handRolledSite({ ...endsWithWithoutDot, vary: false }),
      scan: { host: API_HOST, ...SIBLING_PINS },
      expect: (finding) =>
        assert.match(finding?.details.originTried ?? "", /^http:\/\/amihackable-probefixture\.test$/),
    },
    {
      name: 'hand-rolled: origin.includes("fixture.test")',
      site: handRolledSite({ allow: ({ origin }) => origin.includes("fixture.test") }),
    },
    {
      name: "@fastify/cors with /fixture\\.test(:\\d+)?$/ (escaped, but no dot boundary)",
      site: fastifySite(() => ({ origin: /fixture\.test(:\d+)?$/, credentials: true })),
    },
    {
      name: "hono/cors with an origin function using endsWith",
      site: honoSite(() => ({
        origin: (origin) => (URL.parse(origin)?.hostname.endsWith("fixture.test") ? origin : null),
        credentials: true,
      })),
    },
  ],
  safe: [
    {
      name: "express + cors with an exact array of origins",
      site: expressSite((site) => ({ origin: [site.origin], credentials: true })),
    },
    {
      name: 'hand-rolled: hostname.endsWith(".fixture.test"), with the dot (every subdomain, not look-alikes)',
      site: handRolledSite({ allow: ({ hostname }) => hostname.endsWith(".fixture.test") }),
      ...reportedAs("cors.any-subdomain-trusted"),
    },
  ],
});
