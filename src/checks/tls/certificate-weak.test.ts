import assert from "node:assert/strict";
import { testCa, trustTestCa } from "../../../test/support/certificates.ts";
import { httpsFixture } from "../../../test/support/https-site.ts";
import { FIXTURE_HOST } from "../../../test/support/scan-fixture.ts";
import type { Handler } from "../../../test/support/server.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { recorded, RECORDED_URL } from "../../../test/tester/recording.ts";

trustTestCa();
const ca = testCa();
/** OpenSSL 3 refuses to serve a 1024-bit key (or a SHA-1 chain) at its default security level. */
const LEGACY_SERVER = { ciphers: "DEFAULT@SECLEVEL=0" };

const page: Handler = (_req, res) =>
  res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>Shop</title><h1>Shop</h1>");

testCheck("tls.certificate-weak", {
  vulnerable: [
    {
      name: "a 1024-bit RSA leaf",
      ...httpsFixture(page, { ...ca.issue({ names: [FIXTURE_HOST], key: "rsa:1024" }), ...LEGACY_SERVER }),
      expect: (finding) => {
        assert.equal(finding?.details.keyBits, "1024");
        assert.match(finding?.summary ?? "", /has a 1024-bit RSA key/);
        assert.equal(finding?.severity, "medium");
      },
    },
    {
      name: "a leaf signed with SHA-1",
      ...httpsFixture(page, { ...ca.issue({ names: [FIXTURE_HOST], digest: "sha1" }), ...LEGACY_SERVER }),
      expect: (finding) => {
        assert.match(finding?.summary ?? "", /is signed with ECDSA with SHA-1/);
        assert.equal(finding?.details.signatureAlgorithm, "ecdsa-with-SHA1");
      },
    },
    {
      name: "a recorded MD5-signed certificate (the recording keeps the OID)",
      site: recorded(RECORDED_URL.replace(/^http:/, "https:"))
        .page({ body: "<!doctype html><title>x</title>" })
        .tlsObservation({
          authorized: true,
          certificate: {
            keyType: "rsa",
            keyBits: 2048,
            signatureAlgorithm: "md5WithRSAEncryption",
            signatureAlgorithmOid: "1.2.840.113549.1.1.4",
          },
        }),
      expect: (finding) => assert.match(finding?.summary ?? "", /signed with MD5 with RSA/),
    },
  ],
  safe: [
    {
      name: "an EC P-256 leaf signed with SHA-256",
      ...httpsFixture(page, ca.issue({ names: [FIXTURE_HOST] })),
    },
    {
      name: "a 2048-bit RSA leaf signed with SHA-256",
      ...httpsFixture(page, ca.issue({ names: [FIXTURE_HOST], key: "rsa:2048" })),
    },
  ],
});
