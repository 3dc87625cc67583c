import assert from "node:assert/strict";
import { wordpressPage, wordpressSite } from "../../../test/fixtures/cms/wordpress.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { recorded } from "../../../test/tester/recording.ts";

const wordpress = () => recorded().page({ body: wordpressPage() });

testCheck("cms.xmlrpc-enabled", {
  vulnerable: [
    {
      name: "a live WordPress answering GET with 405 and XML-RPC's reply",
      site: wordpressSite(),
      expect: (finding, report) => {
        assert.equal(finding?.severity, "low");
        assert.match(finding?.url ?? "", /\/xmlrpc\.php$/);
        // Never a method call: the probe only ever sent GETs.
        assert.ok(finding?.evidence.every((evidence) => evidence.request?.method === "GET"));
        assert.equal(report.findings.length, 1);
      },
    },
    {
      name: "an old WordPress answering 200 with the same reply",
      site: wordpress().cms("wp-xmlrpc", {
        status: 200,
        type: "text/plain",
        body: "XML-RPC server accepts POST requests only.",
      }),
    },
  ],
  safe: [
    {
      name: "a live WordPress whose web server denies xmlrpc.php (403)",
      site: wordpressSite({ xmlrpc: false }),
    },
    {
      name: "xmlrpc.php removed (404)",
      site: wordpress().cms("wp-xmlrpc", { status: 404, body: "<h1>Not found</h1>" }),
    },
    {
      name: "a catch-all page at xmlrpc.php",
      site: wordpress().cms("wp-xmlrpc", { body: wordpressPage() }),
    },
    {
      name: "a firewall page that quotes the reply with a 403",
      site: wordpress().cms("wp-xmlrpc", {
        status: 403,
        body: "Blocked: this site's XML-RPC server accepts POST requests only. from allowed apps",
      }),
    },
  ],
});
