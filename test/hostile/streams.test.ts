import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { serverPool } from "../support/server.ts";
import { endlessSite, hugePageSite, slowDripSite } from "./hostile-sites.ts";
import { assertBounded, issuesOf, scanHostile } from "./scan-hostile.ts";

/**
 * Bodies that do not end, or end too late: an endless stream on every path, a 50 MB page, and a page
 * that drips a byte every 100 ms. Each scan ends in time with bounded memory, still judges the part of
 * the page it received, and says the page was cut and why.
 */
describe("endless, huge and slow bodies", () => {
  const { serve } = serverPool();

  it("an endless body on every path is cut at the size caps", async () => {
    const scan = await scanHostile(await serve(endlessSite));
    assertBounded(scan);
    assert.notEqual(scan.report.outcome, "unreachable", scan.report.failure);
    assert.equal(scan.witness?.details.truncated, "size");
    assert.match(scan.witness?.details.endpoints ?? "", /\/api\/inline/);
    assert.ok(
      issuesOf(scan.report, "truncated").some((issue) => /page was cut .*\(size\)/.test(issue.message)),
    );
    assert.ok(issuesOf(scan.report, "truncated").some((issue) => issue.message.startsWith("script cut")));
  });

  it("a 50 MB page is read up to the cap, and the rest is left on the wire", async () => {
    const server = await serve(hugePageSite);
    const scan = await scanHostile(server);
    assertBounded(scan);
    assert.equal(scan.witness?.details.truncated, "size");
    assert.equal(scan.witness?.details.bundles, "1", "the page's script was still fetched");
    assert.match(scan.witness?.details.endpoints ?? "", /\/api\/from-bundle/);
    assert.ok(issuesOf(scan.report, "truncated").some((issue) => issue.message.includes("page was cut")));
  });

  it("a slow-drip page is cut by the whole-request time limit and still judged", async () => {
    const scan = await scanHostile(await serve(slowDripSite), { limits: { requestTimeoutMs: 2_000 } });
    assertBounded(scan);
    assert.notEqual(scan.report.outcome, "unreachable", scan.report.failure);
    assert.equal(scan.witness?.details.truncated, "time", "the page was judged although it never ended");
    assert.equal(scan.witness?.details.bundles, "1", "the scan went on after the cut");
    assert.ok(
      issuesOf(scan.report, "truncated").some((issue) => /page was cut .*\(time\)/.test(issue.message)),
    );
  });

  it("a slow-drip page longer than the scan's deadline ends the scan at the deadline, partial", async () => {
    const scan = await scanHostile(await serve(slowDripSite), { timeoutMs: 3_000 });
    assertBounded(scan);
    assert.ok(scan.ms < 3_000 + 5_000, `the scan took ${Math.round(scan.ms)} ms`);
    assert.equal(scan.report.outcome, "partial");
    assert.equal(scan.witness?.details.truncated, "time");
    assert.ok(issuesOf(scan.report, "deadline").length > 0);
  });
});
