import assert from "node:assert/strict";
import { cdnSite } from "../../../test/fixtures/sites/cdn.ts";
import { spaSite } from "../../../test/fixtures/sites/spa.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";
import {
  jsonCatchAll,
  recordedStaticSite,
  spaWith,
  staticSite,
} from "../../../test/fixtures/exposure/sites.ts";

/** A SQLite header with a 4096-byte page size and the schema's first CREATE TABLE on the first page. */
function sqliteBytes(): Buffer {
  const file = Buffer.alloc(64 * 1024);
  file.write("SQLite format 3\0", 0, "latin1");
  file.writeUInt16BE(4096, 16);
  file.write('CREATE TABLE "users" (id integer primary key, email text, password_hash text)', 3900, "latin1");
  return file;
}

testCheck("exposure.database-file", {
  vulnerable: [
    {
      name: "Django's db.sqlite3 in the served folder, read through a Range request",
      site: staticSite({ "/db.sqlite3": { type: "application/octet-stream", body: sqliteBytes() } }),
      expect: (finding) => {
        assert.equal(finding?.severity, "high");
        assert.match(finding?.summary ?? "", /SQLite 3 database of about 64 KB\. Its first tables: users\./);
      },
    },
    {
      name: "a database.sqlite on an SPA host that ignores Range",
      site: spaWith({
        "/database.sqlite": { type: "application/vnd.sqlite3", body: sqliteBytes(), ignoreRange: true },
      }),
    },
  ],
  safe: [
    { name: "a single-page app answering index.html everywhere", site: spaSite },
    { name: "a CDN answering with block pages", site: cdnSite },
    { name: "a catch-all JSON 404-as-200 API", site: jsonCatchAll },
    {
      name: "a text page that quotes the SQLite magic",
      site: recordedStaticSite("database", {
        "/db.sqlite": {
          type: "text/plain",
          body: `SQLite format 3\u0000 is how the file starts; ${"x".repeat(200)}`,
        },
      }),
    },
  ],
});
