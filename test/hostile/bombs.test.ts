import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { startServer, type TestServer } from "../support/server.ts";
import { bombSite, brotliBomb, gzipBomb, PAGE_START } from "./hostile-sites.ts";
import { assertBounded, issuesOf, scanHostile } from "./scan-hostile.ts";

/**
 * Compression bombs: every path answers a small payload that inflates to more than 1 GiB. The scan must
 * end in time with bounded memory, judge the page it could decode, and say what it cut.
 */
describe("compression bombs", () => {
  const servers: TestServer[] = [];
  after(async () => Promise.all(servers.map((server) => server.close())));

  for (const [name, encoding, make] of [
    ["a gzip bomb", "gzip", async () => gzipBomb(PAGE_START)],
    ["a brotli bomb", "br", () => brotliBomb(PAGE_START)],
  ] as const) {
    it(`${name} on every path is cut at the caps`, async () => {
      const payload = await make();
      assert.ok(payload.length < 2 * 1024 * 1024, `the bomb is ${payload.length} bytes on the wire`);
      const server = await startServer(bombSite(payload, encoding));
      servers.push(server);
      const scan = await scanHostile(server);
      assertBounded(scan);
      assert.notEqual(scan.report.outcome, "unreachable", scan.report.failure);
      assert.equal(scan.witness?.details.truncated, "decode-size", "the page was cut while decoding");
      assert.ok(Number(scan.witness?.details.bodyChars) <= 2 * 1024 * 1024);
      assert.match(scan.witness?.details.endpoints ?? "", /\/api\/inline/, "the decoded part was read");
      assert.ok(
        issuesOf(scan.report, "truncated").some((issue) => issue.message.includes("the page was cut")),
        JSON.stringify(scan.report.issues),
      );
    });
  }
});
