import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { BatchListError, parseBatchList } from "./batch-list.ts";

describe("parseBatchList", () => {
  it("reads one URL per line, skipping comments and blank lines, and keeps line numbers", () => {
    const list = parseBatchList(
      "# my sites\n\nhttps://a.example/\n  b.example  # the shop\r\nhttp://c.example:8080/x\n",
    );
    assert.deepEqual(list.sites, [
      { url: "https://a.example/", line: 3 },
      { url: "https://b.example/", line: 4 },
      { url: "http://c.example:8080/x", line: 5 },
    ]);
    assert.equal(list.duplicates, 0);
  });

  it("drops a site listed twice once both are normalised as a single scan would", () => {
    const list = parseBatchList("A.example\nhttps://a.example/\nhttps://a.example/#top\nhttp://a.example\n");
    assert.deepEqual(
      list.sites.map((s) => s.url),
      ["https://a.example/", "http://a.example/"],
    );
    assert.equal(list.duplicates, 2);
  });

  it("names the line number of a malformed line in one sentence", () => {
    assert.throws(
      () => parseBatchList("https://ok.example\n\nftp://files.example\n"),
      (error: unknown) =>
        error instanceof BatchListError &&
        error.line === 3 &&
        /^line 3 of the list is not a URL the scanner can scan: only http:\/\/ and https:\/\//.test(
          error.message,
        ),
    );
    assert.throws(() => parseBatchList("a.example b.example"), /line 1 .*one URL on each line/);
    assert.throws(() => parseBatchList("ok.example\nhttp://exa mple.com"), /line 2/);
    assert.throws(() => parseBatchList("https://bad_host!.example/"), /line 1 .*not a valid host name/);
  });

  it("gives an empty list for a file of comments", () => {
    assert.deepEqual(parseBatchList("# nothing yet\n\n"), { sites: [], duplicates: 0 });
  });
});
