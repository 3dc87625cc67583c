import assert from "node:assert/strict";
import { testCa, trustTestCa } from "../../../test/support/certificates.ts";
import { httpsFixture } from "../../../test/support/https-site.ts";
import { FIXTURE_HOST } from "../../../test/support/scan-fixture.ts";
import type { Handler } from "../../../test/support/server.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";

trustTestCa();
const ca = testCa();
const DAY_MS = 86_400_000;
const now = Date.now();
const expiringIn = (days: number) =>
  ca.issue({
    names: [FIXTURE_HOST],
    notBefore: new Date(now - 80 * DAY_MS),
    notAfter: new Date(now + days * DAY_MS),
  });

const page: Handler = (_req, res) =>
  res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>Shop</title><h1>Shop</h1>");

testCheck("tls.certificate-expiring", {
  vulnerable: [
    {
      name: "a valid certificate that expires in 5 days",
      ...httpsFixture(page, expiringIn(5)),
      expect: (finding) => {
        assert.match(finding?.summary ?? "", /expires in [45] days/);
        assert.match(finding?.details.daysLeft ?? "", /^[45]$/);
        assert.equal(finding?.severity, "low");
      },
    },
    {
      name: "a certificate with hours left",
      ...httpsFixture(page, {
        ...ca.issue({
          names: [FIXTURE_HOST],
          notBefore: new Date(now - DAY_MS),
          notAfter: new Date(now + 3_600_000),
        }),
      }),
      expect: (finding) => assert.match(finding?.summary ?? "", /less than a day/),
    },
  ],
  safe: [
    { name: "a certificate with 60 days left", ...httpsFixture(page, expiringIn(60)) },
    {
      name: "an already expired certificate (tls.certificate-invalid's finding)",
      ...httpsFixture(page, {
        ...ca.issue({
          names: [FIXTURE_HOST],
          notBefore: new Date("2020-01-01T00:00:00Z"),
          notAfter: new Date("2020-02-01T00:00:00Z"),
        }),
      }),
    },
    {
      name: "an expiring certificate that is invalid anyway (self-signed): replacing it is the fix",
      ...httpsFixture(page, ca.selfSigned([FIXTURE_HOST], 5)),
    },
  ],
});
