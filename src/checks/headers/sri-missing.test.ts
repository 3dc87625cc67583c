import assert from "node:assert/strict";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { html, page, recordedHtml, recordedHttps } from "../../../test/fixtures/headers/pages.ts";
import { recorded } from "../../../test/tester/recording.ts";

const SHA384 = "sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC";

testCheck("headers.sri-missing", {
  vulnerable: [
    {
      name: "a CDN script and stylesheet without integrity (live)",
      site: page(
        {},
        html(
          '<script src="https://cdn.jsdelivr.net/npm/alpinejs@3.14.1/dist/cdn.min.js" defer></script>' +
            '<link rel="stylesheet" href="https://unpkg.com/tailwindcss@2.2.19/dist/tailwind.min.css">',
        ),
      ),
      expect: (finding) => {
        assert.equal(finding?.severity, "low");
        assert.equal(
          finding?.details.resources,
          "https://cdn.jsdelivr.net/npm/alpinejs@3.14.1/dist/cdn.min.js https://unpkg.com/tailwindcss@2.2.19/dist/tailwind.min.css",
        );
        assert.match(finding.evidence[0]!.response!.bodyExcerpt, /cdn\.jsdelivr\.net/);
      },
    },
    {
      name: "one finding for resources spread over several pages, each listed once",
      site: recorded("https://app.fixture.test/")
        .page({
          body: html(
            '<script src="https://cdnjs.cloudflare.com/ajax/libs/jquery/3.7.1/jquery.min.js"></script>',
          ),
        })
        .document("/about", {
          body: html(
            '<script src="https://cdnjs.cloudflare.com/ajax/libs/jquery/3.7.1/jquery.min.js"></script><script src="https://polyfill.io/v3/polyfill.min.js"></script>',
          ),
        }),
      expect: (finding, report) => {
        assert.equal(report.findings.filter((f) => f.id === "headers.sri-missing").length, 1);
        assert.equal(finding?.details.resources?.split(" ").length, 2);
      },
    },
    {
      name: "an integrity attribute without a known hash is ignored by browsers",
      site: recordedHtml(
        {},
        html('<script src="https://cdn.example.net/lib.js" integrity="md5-abc"></script>'),
      ),
    },
  ],
  safe: [
    {
      name: "CDN files pinned with integrity (live)",
      site: page(
        {},
        html(
          `<script src="https://cdn.jsdelivr.net/npm/alpinejs@3.14.1/dist/cdn.min.js" integrity="${SHA384}" crossorigin="anonymous"></script>` +
            `<link rel="stylesheet" href="https://unpkg.com/tailwindcss@2.2.19/dist/tailwind.min.css" integrity="sha256-abc= ${SHA384}" crossorigin="anonymous">`,
        ),
      ),
    },
    {
      name: "first party: the same host, a subdomain of the same registrable domain, relative paths",
      site: recordedHttps(
        {},
        html(
          '<script src="/assets/app.js"></script><script src="https://static.fixture.test/app.js"></script>' +
            '<link rel="stylesheet" href="//cdn.fixture.test/site.css">',
        ),
      ),
    },
    {
      name: "a nonce'd loader (the CSP vouches for it; strict-dynamic children never appear in the HTML)",
      site: recordedHttps(
        { "content-security-policy": "script-src 'nonce-r4nd0m' 'strict-dynamic'" },
        html('<script nonce="r4nd0m" src="https://cdn.example.net/loader.js"></script>'),
      ),
    },
    {
      name: "vendor loaders that cannot be pinned: Stripe.js, Google Tag Manager, Google Fonts CSS, reCAPTCHA",
      site: recordedHttps(
        {},
        html(
          '<script src="https://js.stripe.com/v3/"></script>' +
            '<script async src="https://www.googletagmanager.com/gtag/js?id=G-XXXX"></script>' +
            '<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Inter&display=swap">' +
            '<script src="https://www.google.com/recaptcha/api.js" async defer></script>',
        ),
      ),
    },
    {
      name: "preconnect, icon and preload links, inline scripts",
      site: recordedHttps(
        {},
        html(
          '<link rel="preconnect" href="https://fonts.gstatic.com"><link rel="icon" href="https://cdn.example.net/favicon.ico">' +
            '<script>window.x = "<script src=\\"https://evil.example/x.js\\">"</script>',
        ),
      ),
    },
  ],
});
