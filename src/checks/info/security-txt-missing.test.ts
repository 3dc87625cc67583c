import assert from "node:assert/strict";
import { FILES_PROBE, WELL_KNOWN_ROLE } from "../../artifacts/index.ts";
import { spaSite } from "../../../test/fixtures/sites/spa.ts";
import { wellConfiguredSite } from "../../../test/fixtures/sites/well-configured.ts";
import type { Handler } from "../../../test/support/server.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { recorded, type RecordedAnswer } from "../../../test/tester/recording.ts";

const PAGE = "<!doctype html><title>Shop</title><h1>Shop</h1>";
/** Recorded exchanges start on 2026-01-01 (test/tester/recording.ts): the dates below are relative to it. */
const VALID =
  "Contact: mailto:security@shop.example\nExpires: 2026-12-31T23:59:59.000Z\nPreferred-Languages: en\n";

function securityTxt(answer: RecordedAnswer) {
  return recorded().page({ body: PAGE }).wellKnownFile("security-txt", answer);
}

/** A live site serving `file` (text/plain) at /.well-known/security.txt, or nothing there (404). */
function liveSite(file?: () => string): Handler {
  return (req, res) => {
    if (req.url === "/") return res.writeHead(200, { "content-type": "text/html" }).end(PAGE);
    if (req.url === "/.well-known/security.txt" && file)
      return res.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end(file());
    res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
  };
}

/** A year after now: a live file must be valid whenever the test runs. */
const nextYear = () => new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString();

const SIGNED = `-----BEGIN PGP SIGNED MESSAGE-----
Hash: SHA256

# Our security contact
Contact: https://shop.example/security
Expires: 2026-06-30T00:00:00+02:00
- -----not a real dash line-----
-----BEGIN PGP SIGNATURE-----

iHUEARYIAB0WIQTfakefakefakefakefakefakefakefakeFAmVfakeAAoJEfake
-----END PGP SIGNATURE-----
`;

testCheck("info.security-txt-missing", {
  vulnerable: [
    {
      name: "nothing at the path (a live 404)",
      site: liveSite(),
      expect: (finding) => {
        assert.equal(finding?.severity, "info");
        assert.equal(finding?.details.state, "missing");
        assert.match(finding?.summary ?? "", /404 at that path/);
      },
    },
    {
      // A single-page app answers its index.html at every path: the file is truly missing. The check is
      // informational, so the universal silence test (nothing above info) still holds on such a site.
      name: "a single-page app's index.html at the path",
      site: spaSite,
      expect: (finding) => {
        assert.equal(finding?.details.state, "missing");
        assert.match(finding?.summary ?? "", /HTML page/);
      },
    },
    {
      name: "a live file whose Expires has passed",
      site: liveSite(() => "Contact: mailto:security@shop.example\nExpires: 2021-01-01T00:00:00.000Z\n"),
      expect: (finding) => {
        assert.equal(finding?.details.state, "expired");
        assert.match(finding?.summary ?? "", /expired on 2021-01-01/);
      },
    },
    {
      name: "no Contact field",
      site: securityTxt({ body: "Expires: 2026-12-31T23:59:59.000Z\nPolicy: https://shop.example/p\n" }),
      expect: (finding) => {
        assert.equal(finding?.details.state, "invalid");
        assert.match(finding?.details.problems ?? "", /no Contact/);
      },
    },
    {
      name: "no Expires field (the file most sites wrote before RFC 9116)",
      site: securityTxt({ body: "Contact: mailto:security@shop.example\n" }),
      expect: (finding) => assert.match(finding?.details.problems ?? "", /no Expires/),
    },
    {
      name: "two Expires fields",
      site: securityTxt({ body: `${VALID}Expires: 2026-10-01T00:00:00.000Z\n` }),
      expect: (finding) => assert.match(finding?.details.problems ?? "", /more than one Expires/),
    },
    {
      name: "an Expires that is not an RFC 3339 date",
      site: securityTxt({ body: "Contact: mailto:security@shop.example\nExpires: 31/12/2026\n" }),
      expect: (finding) => assert.match(finding?.details.problems ?? "", /not an RFC 3339 date/),
    },
    {
      name: "a valid file served with the wrong type",
      site: securityTxt({ body: VALID, type: "application/octet-stream" }),
      expect: (finding) =>
        assert.match(finding?.details.problems ?? "", /served as application\/octet-stream/),
    },
    {
      name: "a CDN's block page (403) at the path",
      site: securityTxt({ status: 403, type: "text/html", body: "<!doctype html><title>Blocked</title>" }),
      expect: (finding) => assert.equal(finding?.details.state, "missing"),
    },
    {
      name: "a catch-all text answer that holds no field",
      site: securityTxt({ body: "OK" }),
      expect: (finding) => assert.equal(finding?.details.state, "missing"),
    },
  ],
  safe: [
    { name: "the universal silence test's well-configured site", site: wellConfiguredSite(() => "") },
    {
      name: "a live valid file, expiring in a year",
      site: liveSite(() => VALID.replace(/Expires: .*/, `Expires: ${nextYear()}`)),
    },
    { name: "a recorded valid file", site: securityTxt({ body: VALID }) },
    { name: "a signed file (OpenPGP cleartext), valid inside", site: securityTxt({ body: SIGNED }) },
    {
      name: "a file with CRLF lines and a BOM",
      site: securityTxt({ body: `\uFEFF${VALID.replace(/\n/g, "\r\n")}` }),
    },
    {
      // A server error says nothing about the file: no verdict rather than a guess.
      name: "a 503 at the path",
      site: securityTxt({ status: 503, type: "text/html", body: "<h1>Service Unavailable</h1>" }),
    },
    {
      name: "no answer at all (the request failed)",
      site: recorded()
        .page({ body: PAGE })
        .exchange(FILES_PROBE, { role: WELL_KNOWN_ROLE, file: "security-txt" }, "/.well-known/security.txt"),
    },
  ],
});
