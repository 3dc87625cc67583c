import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Exchange } from "../../core/exchange.ts";
import { backupFormat } from "./backup-signature.ts";
import { dsStoreNames, hasDsStoreMagic } from "./ds-store-names.ts";
import { parseEnvFile } from "./env-file.ts";
import { isGitConfig, isGitHead } from "./git-repository.ts";
import { directoryListing } from "./listing-signature.ts";
import { dsStoreBytes } from "../../../test/fixtures/exposure/sites.ts";

function served(body: string | Uint8Array, type = "text/plain"): Exchange {
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
  return {
    id: 1,
    probe: "exposure",
    labels: {},
    request: { method: "GET", url: "https://a.test/x", headers: [] },
    response: {
      status: 200,
      statusText: "OK",
      headers: [["content-type", type]],
      body: bytes,
      wireBytes: bytes.length,
      httpVersion: "1.1",
      elapsedMs: 1,
    },
    startedAt: "2024-01-01T00:00:00.000Z",
  };
}

describe("content signatures", () => {
  it("env files: KEY=value lines, comments and export allowed", () => {
    assert.equal(parseEnvFile(served("# db\nexport DB_HOST=x\nDB_PASS='y'\n\n"))?.length, 2);
    assert.equal(parseEnvFile(served("hello world\nthis is prose\nA=1")), undefined);
    assert.equal(parseEnvFile(served('{"A":"1"}', "application/json")), undefined);
    assert.equal(parseEnvFile(served("a=1\nb=2")), undefined, "needs an upper-case name");
  });

  it("git files: HEAD and config", () => {
    assert.ok(isGitHead(served("ref: refs/heads/main\n")));
    assert.ok(isGitHead(served("3f786850e387550fdab836ed7e6dc881de23001b")));
    assert.ok(!isGitHead(served("ref: refs/heads/main", "text/html")));
    assert.ok(isGitConfig(served("[core]\n\trepositoryformatversion = 0\n")));
    assert.ok(!isGitConfig(served("[core]\nname = mine\n")));
  });

  it(".DS_Store: magic bytes and file names", () => {
    const bytes = dsStoreBytes(["db.sql", "Résumé.pdf"]);
    assert.ok(hasDsStoreMagic(bytes));
    assert.deepEqual(dsStoreNames(bytes), ["db.sql", "Résumé.pdf"]);
    assert.ok(!hasDsStoreMagic(new TextEncoder().encode("Bud1")));
  });

  it("backups: archives by magic bytes, dumps and PHP by their first lines", () => {
    assert.equal(backupFormat(served(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))), "zip archive");
    assert.equal(backupFormat(served(new Uint8Array([0x1f, 0x8b, 0x08, 0]))), "gzip archive");
    const tar = new Uint8Array(600);
    tar.set(new TextEncoder().encode("ustar"), 257);
    assert.equal(backupFormat(served(tar)), "tar archive");
    assert.equal(backupFormat(served("-- PostgreSQL database dump\nSET statement_timeout = 0;")), "SQL dump");
    assert.equal(backupFormat(served("<?php\n$db = 'x';")), "PHP source code");
    assert.equal(backupFormat(served("BZh is how this text starts")), undefined);
    assert.equal(backupFormat(served("<html>CREATE TABLE</html>", "text/html")), undefined);
  });

  it("directory listings name the folder they list", () => {
    const nginx = served(
      '<html><head><title>Index of /files/</title></head><body><pre><a href="a.txt">a.txt</a></pre></body></html>',
      "text/html",
    );
    assert.deepEqual(directoryListing(nginx, "/files/")?.entries, ["a.txt"]);
    assert.equal(directoryListing(nginx, "/other/"), undefined);
  });
});
