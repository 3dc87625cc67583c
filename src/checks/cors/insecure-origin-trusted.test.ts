import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { scanUrl } from "../../../test/support/scan-url.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { handRolledSite, type HandRolledPolicy } from "../../../test/fixtures/cors/hand-rolled.ts";
import { startHttpsSite, type HttpsFixture } from "../../../test/fixtures/cors/https-site.ts";
import { FIXTURE_HOST } from "../../../test/support/scan-fixture.ts";
import { httpSiblingAllowed, WWW_FRONT_END } from "../../../test/fixtures/cors/sibling-trust.ts";

/** Both ports of the https fixture (the redirecting http one and the https one) are pinned to loopback. */
const PIN = { resolve: [`${FIXTURE_HOST}:*:127.0.0.1`] };

/** Allows the site's https origin and, by mistake, the same host over plain http. */
const httpAlsoAllowed: HandRolledPolicy = {
  allow: ({ origin, own }) => [own, own.replace(/^https:/, "http:")].includes(origin),
};

testCheck("cors.insecure-origin-trusted", {
  vulnerable: [
    {
      name: "an https API whose allowlist also holds the http:// origin (http redirects to https)",
      site: { start: () => startHttpsSite(handRolledSite(httpAlsoAllowed)) },
      scan: PIN,
      expect: (finding) => {
        assert.match(finding?.url ?? "", /^https:\/\/app\.fixture\.test:\d+\/api\/account$/);
        assert.match(finding?.details.originTried ?? "", /^http:\/\//);
        assert.ok(finding?.poc, "a credentialed read comes with a PoC page");
      },
    },
    {
      name: "an https API trusting only its front-end (www.), whose allowlist also holds http://www.",
      site: { start: () => startHttpsSite(handRolledSite(httpSiblingAllowed)) },
      scan: PIN,
      expect: (finding) =>
        assert.equal(finding?.details.originTried, WWW_FRONT_END.replace(/^https:/, "http:")),
    },
  ],
  safe: [
    {
      name: "an https API trusting only its front-end over https",
      site: {
        start: () => startHttpsSite(handRolledSite({ allow: ({ origin }) => origin === WWW_FRONT_END })),
      },
      scan: PIN,
    },
    {
      name: "an https API that allows only its https origin",
      site: { start: () => startHttpsSite(handRolledSite({ allow: ({ origin, own }) => origin === own })) },
      scan: PIN,
    },
    {
      name: "an https API that allows its http:// origin without credentials (nothing private to read)",
      site: { start: () => startHttpsSite(handRolledSite({ ...httpAlsoAllowed, credentials: false })) },
      scan: PIN,
    },
    {
      name: "a plain-http site (its own origin is http: nothing to downgrade)",
      site: handRolledSite({ allow: ({ origin, own }) => origin === own }),
    },
  ],
});

describe("cors.insecure-origin-trusted on a site scanned by its https URL", () => {
  let server: HttpsFixture | undefined;
  after(async () => server?.close());
  it("finds the http:// origin in the allowlist", async () => {
    server = await startHttpsSite(handRolledSite(httpAlsoAllowed));
    const report = await scanUrl(`${server.httpsOrigin}/`, {
      only: ["cors.insecure-origin-trusted"],
      timeoutMs: 20_000,
      ...PIN,
    });
    assert.equal(report.outcome, "complete", JSON.stringify(report.issues));
    assert.deepEqual(
      report.findings.map((finding) => finding.url),
      [`${server.httpsOrigin}/api/account`],
    );
  });
});
