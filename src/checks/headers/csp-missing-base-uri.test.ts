import { testCheck } from "../../../test/tester/check-tester.ts";
import { freshNonce, helmetApp, page, recordedHtml } from "../../../test/fixtures/headers/pages.ts";

testCheck("headers.csp-missing-base-uri", {
  vulnerable: [
    // Scanned live: a fresh nonce per response, as a correct server sends it.
    {
      name: "a nonce-based policy without base-uri",
      site: page({
        "content-security-policy": () =>
          `script-src 'nonce-${freshNonce()}' 'strict-dynamic'; object-src 'none'`,
      }),
    },
    {
      name: "hashes with 'strict-dynamic' and no base-uri",
      site: recordedHtml({
        "content-security-policy":
          "script-src 'sha256-RFWPLDbv2BY+rCkDzsE+0fr8ylGr2R2faWMhq4lfEQc=' 'strict-dynamic'; object-src 'none'",
      }),
    },
  ],
  safe: [
    // Scanned live, as the vulnerable nonce case.
    {
      name: "a nonce-based policy with base-uri 'none'",
      site: page({
        "content-security-policy": () =>
          `script-src 'nonce-${freshNonce()}' 'strict-dynamic'; object-src 'none'; base-uri 'none'`,
      }),
    },
    {
      name: "a host-based policy (an injected <base> could only point at hosts script-src refuses)",
      site: recordedHtml({ "content-security-policy": "script-src 'self'; object-src 'none'" }),
    },
    { name: "helmet defaults", site: helmetApp() },
  ],
});
