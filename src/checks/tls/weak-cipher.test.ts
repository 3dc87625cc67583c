import assert from "node:assert/strict";
import { testCa, trustTestCa } from "../../../test/support/certificates.ts";
import { httpFixture, httpsFixture } from "../../../test/support/https-site.ts";
import { FIXTURE_HOST } from "../../../test/support/scan-fixture.ts";
import type { Handler } from "../../../test/support/server.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";

trustTestCa();
const ca = testCa();
const rsaLeaf = ca.issue({ names: [FIXTURE_HOST], key: "rsa:2048" });
const ecLeaf = ca.issue({ names: [FIXTURE_HOST] });

const page: Handler = (_req, res) =>
  res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>Shop</title><h1>Shop</h1>");

testCheck("tls.weak-cipher", {
  vulnerable: [
    {
      name: "TLS 1.2 with RSA key exchange only (AES128-SHA256, AES128-GCM-SHA256)",
      ...httpsFixture(page, { ...rsaLeaf, ciphers: "AES128-SHA256:AES128-GCM-SHA256" }),
      expect: (finding, report) => {
        assert.equal(finding?.severity, "low");
        assert.match(finding?.details.acceptedSuites ?? "", /^AES128-(GCM-)?SHA256$/);
        assert.equal(finding?.details.weaknesses, "no-forward-secrecy");
        assert.match(finding?.summary ?? "", /without forward secrecy \(RSA key exchange\)/);
        assert.match(finding?.evidence[0]?.curl ?? "", /-tls1_2 -cipher 'kRSA:/);
        // The page, its http:// twin and the two cipher handshakes: handshakes count toward the budget.
        assert.equal(report.requests.sent, 4);
      },
    },
    {
      name: "ECDHE with CBC suites accepted besides GCM: forward secret, so informational",
      ...httpsFixture(page, {
        ...ecLeaf,
        ciphers: "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-SHA256:ECDHE-ECDSA-AES128-SHA",
      }),
      expect: (finding) => {
        assert.equal(finding?.severity, "info");
        assert.match(finding?.details.acceptedSuites ?? "", /^ECDHE-ECDSA-AES128-SHA(256)?$/);
        assert.equal(finding?.details.weaknesses, "no-aead");
      },
    },
    {
      name: "an http target whose https side on port 443 takes RSA key exchange (reached through the resolve pin)",
      ...httpFixture(() => page, { handler: page, ...rsaLeaf, ciphers: "AES256-GCM-SHA384" }),
      expect: (finding) => assert.equal(finding?.url, `https://${FIXTURE_HOST}`),
    },
  ],
  safe: [
    {
      name: "an RSA certificate with only ECDHE-GCM suites for TLS 1.2",
      ...httpsFixture(page, {
        ...rsaLeaf,
        ciphers: "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-CHACHA20-POLY1305",
      }),
    },
    { name: "a server pinned to TLS 1.3", ...httpsFixture(page, { ...rsaLeaf, minVersion: "TLSv1.3" }) },
    {
      name: "an http site without https: no handshake is tried",
      ...httpFixture(() => page, "closed"),
      expect: (_finding, report) =>
        assert.equal(report.requests.sent, 2, "the page and the https attempt only"),
    },
  ],
});
