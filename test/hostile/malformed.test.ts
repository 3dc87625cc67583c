import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { serverPool } from "../support/server.ts";
import { garbageSite, manyHeadersSite, nestingBombSite, redirectLoopSite } from "./hostile-sites.ts";
import { assertBounded, issuesOf, MEMORY_BOUND_MIB, scanHostile } from "./scan-hostile.ts";

/**
 * Responses that are malformed rather than large: ten thousand headers, redirect loops on every asset,
 * invalid UTF-8 and broken JavaScript, markup nested 400,000 deep. Each scan ends in time with bounded
 * memory and judges what it could read.
 */
describe("malformed responses", () => {
  const { serve } = serverPool();

  it("ten thousand headers on every response (under the header cap) are read and bounded", async () => {
    const scan = await scanHostile(await serve(manyHeadersSite));
    // What a scan keeps is capped (MAX_HEADER_LINES per response, asserted below through the evidence);
    // the peak is undici parsing each 10,000-line block into short-lived objects (1-2.5 MiB a response)
    // faster than the collector returns them (2.5-3.5 MiB a request on a loaded machine), so it grows with the request count, itself capped by the
    // budget. The bound is therefore per request sent, not the flat bound of the other hostile sites.
    assertBounded(scan, Math.max(MEMORY_BOUND_MIB, 4 * scan.report.requests.sent));
    assert.notEqual(scan.report.outcome, "unreachable", scan.report.failure);
    assert.ok(scan.witness, "the page was judged");
    assert.ok(
      issuesOf(scan.report, "limit").some((issue) => issue.message.includes("headers")),
      JSON.stringify(scan.report.issues),
    );
    for (const finding of scan.report.findings) {
      for (const evidence of finding.evidence) {
        assert.ok((evidence.response?.headers.length ?? 0) <= 40, `${finding.id} evidence is bounded`);
      }
    }
  });

  it("redirect loops on every script and API end after the redirect limit, each within budget", async () => {
    const server = await serve(redirectLoopSite);
    const scan = await scanHostile(server);
    assertBounded(scan);
    assert.notEqual(scan.report.outcome, "unreachable", scan.report.failure);
    assert.equal(scan.witness?.details.bundles, "0", "a script that never arrives is not a bundle");
    assert.ok(server.seen.length <= scan.report.requests.budget);
    assert.ok(
      issuesOf(scan.report, "request-failed").some((issue) => issue.message.includes("too-many-redirects")),
      JSON.stringify(scan.report.issues),
    );
  });

  it("invalid UTF-8 and malformed JavaScript are read as far as they make sense", async () => {
    const scan = await scanHostile(await serve(garbageSite));
    assertBounded(scan);
    assert.notEqual(scan.report.outcome, "unreachable", scan.report.failure);
    assert.equal(scan.witness?.details.bundles, "3");
    const endpoints = scan.witness?.details.endpoints ?? "";
    assert.match(endpoints, /\/api\/inline/);
    assert.match(endpoints, /\/api\/from-bundle/);
    assert.deepEqual(
      issuesOf(scan.report, "check-error").concat(issuesOf(scan.report, "probe-error")),
      [],
      "no check or probe broke on the bytes",
    );
  });

  it("markup nested 400,000 deep is read without a stack overflow or quadratic parsing", async () => {
    const scan = await scanHostile(await serve(nestingBombSite));
    assertBounded(scan);
    assert.equal(scan.witness?.details.bundles, "1", "the script after the nesting was found");
    assert.deepEqual(issuesOf(scan.report, "check-error").concat(issuesOf(scan.report, "probe-error")), []);
  });
});
