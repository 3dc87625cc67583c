import assert from "node:assert/strict";
import { testCa, trustTestCa } from "../../../test/support/certificates.ts";
import { httpFixture, httpsFixture } from "../../../test/support/https-site.ts";
import { FIXTURE_HOST } from "../../../test/support/scan-fixture.ts";
import type { Handler } from "../../../test/support/server.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";

trustTestCa();
const valid = testCa().issue({ names: [FIXTURE_HOST] });
/** What an old nginx/OpenSSL default looked like: everything from TLS 1.0 up. */
const permissive = { ...valid, minVersion: "TLSv1" as const, ciphers: "DEFAULT@SECLEVEL=0" };

const page: Handler = (_req, res) =>
  res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>Shop</title><h1>Shop</h1>");

testCheck("tls.legacy-protocol", {
  vulnerable: [
    {
      name: "a server that accepts TLS 1.0 and 1.1",
      ...httpsFixture(page, permissive),
      expect: (finding, report) => {
        assert.equal(finding?.details.acceptedVersions, "TLS 1.0, TLS 1.1");
        assert.match(finding?.details.ciphers ?? "", /^TLSv1: \S+; TLSv1\.1: \S+$/);
        assert.equal(finding?.evidence.length, 2);
        assert.match(
          finding?.evidence[0]?.note ?? "",
          /offering only TLS 1\.0 was accepted: the server negotiated TLSv1 with cipher/,
        );
        assert.match(
          finding?.evidence[0]?.curl ?? "",
          /^openssl s_client -connect app\.fixture\.test:\d+ -servername app\.fixture\.test -tls1 /,
        );
        // The two handshakes count toward the request budget.
        assert.ok(report.requests.sent >= 3);
      },
    },
    {
      name: "a server that accepts TLS 1.1 but not 1.0",
      ...httpsFixture(page, { ...permissive, ciphers: "DEFAULT@SECLEVEL=0", minVersion: "TLSv1.1" }),
      expect: (finding) => assert.equal(finding?.details.acceptedVersions, "TLS 1.1"),
    },
    {
      name: "an http target whose https side on port 443 accepts TLS 1.0 (reached through the resolve pin)",
      ...httpFixture(() => page, { handler: page, ...permissive }),
      expect: (finding) => assert.equal(finding?.url, `https://${FIXTURE_HOST}`),
    },
  ],
  safe: [
    { name: "a server with Node's defaults (TLS 1.2 and 1.3)", ...httpsFixture(page, valid) },
    { name: "a server pinned to TLS 1.3", ...httpsFixture(page, { ...valid, minVersion: "TLSv1.3" }) },
    {
      name: "an http site without https: no handshake is tried",
      ...httpFixture(() => page, "closed"),
      expect: (_finding, report) =>
        assert.equal(report.requests.sent, 2, "the page and the https attempt only"),
    },
  ],
});
