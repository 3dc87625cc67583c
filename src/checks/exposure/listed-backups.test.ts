import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { PAGE_WITH_BUNDLE, spaWith, staticSite } from "../../../test/fixtures/exposure/sites.ts";
import { MAX_LISTED_BACKUPS } from "../../probes/exposure/listed-backups.ts";

/**
 * Backups that a directory listing names under names no curated list guesses: the probe reads the
 * listing, asks for the first KiB of each archive or dump it names (Range), and the check judges bytes.
 */
const autoindex = (dir: string, names: readonly string[]) =>
  `<html>\r\n<head><title>Index of ${dir}</title></head>\r\n<body>\r\n<h1>Index of ${dir}</h1><hr><pre><a href="../">../</a>\r\n${names
    .map((name) => `<a href="${encodeURIComponent(name)}">${name}</a>   12-Mar-2024 10:01   48213`)
    .join("\r\n")}\r\n</pre><hr></body>\r\n</html>\r\n`;

const PG_DUMP = Buffer.from(
  [
    "--",
    "-- PostgreSQL database dump",
    "--",
    "",
    "SET statement_timeout = 0;",
    "SET client_encoding = 'UTF8';",
    "CREATE TABLE public.customers (id integer NOT NULL, email text);",
    "",
  ].join("\n"),
);
const TARBALL = gzipSync(Buffer.alloc(32 * 1024, 3));
const SEVEN_ZIP = Buffer.concat([
  Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4]),
  Buffer.alloc(2048),
]);

testCheck("exposure.backup-file", {
  vulnerable: [
    {
      name: "a PostgreSQL dump and a tarball that the /backup/ listing names",
      site: staticSite({
        "/backup/": {
          type: "text/html",
          body: autoindex("/backup/", ["shop prod 2024-05-01.sql", "release-41.tgz", "readme.txt"]),
        },
        "/backup/shop%20prod%202024-05-01.sql": { type: "application/octet-stream", body: PG_DUMP },
        "/backup/release-41.tgz": { type: "application/gzip", body: TARBALL },
      }),
      expect: (_finding, report) => {
        const found = report.findings.filter((finding) => finding.id === "exposure.backup-file");
        assert.deepEqual(found.map((finding) => finding.details.format).sort(), ["SQL dump", "gzip archive"]);
        const request = found[0]!.evidence[0]!.request!;
        assert.deepEqual(
          request.headers.find(([name]) => name === "range"),
          ["range", "bytes=0-1023"],
        );
      },
    },
    {
      name: "the site's root is itself a listing naming a 7-Zip archive",
      site: staticSite({
        "/": { type: "text/html", body: autoindex("/", ["site-backup.7z", "index.html"]) },
        "/site-backup.7z": { type: "application/x-7z-compressed", body: SEVEN_ZIP },
      }),
      expect: (finding) => assert.match(finding?.url ?? "", /\/site-backup\.7z$/),
    },
  ],
  safe: [
    {
      name: "a listing whose archives answer with the site's HTML page (a soft 404)",
      site: spaWith({
        "/uploads/": { type: "text/html", body: autoindex("/uploads/", ["old.zip", "db.sql", "x.bak"]) },
      }),
    },
    {
      name: "a page that merely links to a .zip (not a listing) is not followed",
      site: staticSite({
        "/": { type: "text/html", body: `${PAGE_WITH_BUNDLE}<a href="/press-kit.zip">Press kit</a>` },
        "/press-kit.zip": { type: "application/zip", body: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]) },
      }),
      expect: (_finding, report) =>
        assert.ok(!report.probed.urls.some((url) => url.endsWith("/press-kit.zip"))),
    },
    {
      name: "a listing entry on another host is never fetched (only the listing's own origin)",
      site: staticSite({
        "/backup/": {
          type: "text/html",
          body: autoindex("/backup/", []).replace(
            "</pre>",
            '<a href="http://elsewhere.fixture.test/db.sql">db.sql</a></pre>',
          ),
        },
      }),
      expect: (_finding, report) =>
        assert.ok(!report.probed.urls.some((url) => url.includes("elsewhere")), report.probed.urls.join(" ")),
    },
    {
      name: `a listing naming 20 dumps: only the first ${MAX_LISTED_BACKUPS} are asked for`,
      site: staticSite({
        "/backup/": {
          type: "text/html",
          body: autoindex(
            "/backup/",
            Array.from({ length: 20 }, (_, i) => `nightly-${i}.sql`),
          ),
        },
      }),
      expect: (_finding, report) => {
        const asked = report.probed.urls.filter((url) => /\/backup\/nightly-\d+\.sql$/.test(url));
        assert.equal(asked.length, MAX_LISTED_BACKUPS);
      },
    },
  ],
});
