import assert from "node:assert/strict";
import { testCa, trustTestCa, untrustedCa } from "../../../test/support/certificates.ts";
import { httpFixture, httpsFixture } from "../../../test/support/https-site.ts";
import { FIXTURE_HOST } from "../../../test/support/scan-fixture.ts";
import type { Handler } from "../../../test/support/server.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";

trustTestCa();
const ca = testCa();
const DAY_MS = 86_400_000;
const now = Date.now();

const page: Handler = (_req, res) =>
  res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>Shop</title><h1>Shop</h1>");

const expired = ca.issue({
  names: [FIXTURE_HOST],
  notBefore: new Date("2020-01-01T00:00:00Z"),
  notAfter: new Date("2020-02-01T00:00:00Z"),
});

testCheck("tls.certificate-invalid", {
  vulnerable: [
    {
      name: "an expired certificate",
      ...httpsFixture(page, { ...expired, http: "none" }),
      expect: (finding, report) => {
        assert.match(finding?.summary ?? "", /expired/);
        assert.equal(finding?.details.verificationError, "CERT_HAS_EXPIRED");
        assert.match(finding?.details.validTo ?? "", /2020/);
        assert.match(finding?.evidence[0]?.note ?? "", /valid from .*2020 .* to .*2020/);
        assert.match(finding?.evidence[0]?.note ?? "", /DNS:app\.fixture\.test/);
        // A certificate problem is a finding, not a scan error: the scan went on.
        assert.equal(report.outcome, "complete");
        assert.ok(!report.issues.some((issue) => issue.kind === "unreachable"));
      },
    },
    {
      name: "a certificate that is not valid yet",
      ...httpsFixture(page, {
        ...ca.issue({
          names: [FIXTURE_HOST],
          notBefore: new Date(now + 365 * DAY_MS),
          notAfter: new Date(now + 730 * DAY_MS),
        }),
        http: "none",
      }),
      expect: (finding) => assert.match(finding?.summary ?? "", /not valid yet/),
    },
    {
      name: "a self-signed certificate",
      ...httpsFixture(page, { ...ca.selfSigned([FIXTURE_HOST]), http: "none" }),
      expect: (finding) => {
        assert.match(finding?.summary ?? "", /self-signed/);
        assert.equal(finding?.details.selfSigned, "true");
      },
    },
    {
      name: "a certificate from an authority browsers do not trust",
      ...httpsFixture(page, { ...untrustedCa().issue({ names: [FIXTURE_HOST] }), http: "none" }),
      expect: (finding) => assert.match(finding?.summary ?? "", /issuer is not trusted/),
    },
    {
      name: "a certificate for another host name",
      ...httpsFixture(page, { ...ca.issue({ names: ["other.fixture.test"] }), http: "none" }),
      expect: (finding) => {
        assert.match(finding?.summary ?? "", /not issued for this host name/);
        assert.equal(finding?.details.verificationError, "ERR_TLS_CERT_ALTNAME_INVALID");
      },
    },
    {
      name: "an http site whose https side (found by the transport probe) has an expired certificate",
      ...httpFixture(() => page, { handler: page, ...expired }),
      expect: (finding) => assert.equal(finding?.url, `https://${FIXTURE_HOST}`),
    },
    {
      name: "self-signed and for another name at once: both problems are named",
      ...httpsFixture(page, { ...ca.selfSigned(["other.fixture.test"]), http: "none" }),
      expect: (finding) =>
        assert.match(finding?.summary ?? "", /self-signed; .*not issued for this host name/),
    },
  ],
  safe: [
    {
      name: "a valid certificate from a trusted authority",
      ...httpsFixture(page, { ...ca.issue({ names: [FIXTURE_HOST] }) }),
    },
    {
      name: "a wildcard certificate covering the host",
      ...httpsFixture(page, { ...ca.issue({ names: ["*.fixture.test"] }) }),
    },
    { name: "an http site with no https at all (nothing to judge)", ...httpFixture(() => page, "closed") },
  ],
});
