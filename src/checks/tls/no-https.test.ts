import assert from "node:assert/strict";
import { testCa, trustTestCa } from "../../../test/support/certificates.ts";
import { httpFixture } from "../../../test/support/https-site.ts";
import { FIXTURE_HOST } from "../../../test/support/scan-fixture.ts";
import type { Handler } from "../../../test/support/server.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";

trustTestCa();
const valid = testCa().issue({ names: [FIXTURE_HOST] });

const page: Handler = (_req, res) =>
  res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>Shop</title><h1>Shop</h1>");
const servesPage = () => page;
const redirects =
  (httpsOrigin: string): Handler =>
  (req, res) =>
    res.writeHead(301, { location: `${httpsOrigin}${req.url ?? "/"}` }).end();

testCheck("tls.no-https", {
  vulnerable: [
    {
      name: "nothing listens on port 443",
      ...httpFixture(servesPage, "closed"),
      expect: (finding) => {
        assert.equal(finding?.url, `https://${FIXTURE_HOST}`);
        assert.equal(finding?.details.error, "refused");
        assert.equal(finding?.severity, "high");
        assert.match(finding?.evidence[1]?.request?.url ?? "", /^http:\/\//);
      },
    },
    {
      name: "port 443 answers plain http, not TLS",
      ...httpFixture(servesPage, "plain-http"),
      expect: (finding) => assert.equal(finding?.details.error, "tls"),
    },
  ],
  safe: [
    { name: "http redirects to a working https", ...httpFixture(redirects, { handler: page, ...valid }) },
    {
      name: "https works even though http does not redirect (tls.http-not-redirected's finding)",
      ...httpFixture(servesPage, { handler: page, ...valid }),
    },
    {
      name: "https answers with an invalid certificate (tls.certificate-invalid's finding, not this one)",
      ...httpFixture(servesPage, { handler: page, ...testCa().selfSigned([FIXTURE_HOST]) }),
    },
    {
      name: "a development server on localhost is not expected to have https",
      ...httpFixture(servesPage, "closed", { host: "localhost" }),
    },
  ],
});
