import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Report } from "../../src/engine/report.ts";
import { startDemoSite } from "../../src/interfaces/demo/vulnerable-site.ts";
import { renderBadge, renderHtml, renderTerminal } from "../../src/reporters/index.ts";
import { scanUrl } from "../support/scan-url.ts";

/** The demo shop serves its .env: a scan limited to CORS must not hand it a grade (or a badge). */
describe("a partial scan earns no grade", () => {
  let site: Awaited<ReturnType<typeof startDemoSite>>;
  let full: Report;
  let corsOnly: Report;
  before(async () => {
    site = await startDemoSite();
    const scan = (only: string[]) =>
      scanUrl(`http://shop.demo.test:${site.port}/`, {
        resolve: [`shop.demo.test:${site.port}:127.0.0.1`, "shop.demo.test:*:127.0.0.1"],
        only,
      });
    [full, corsOnly] = await Promise.all([scan([]), scan(["cors"])]);
  });
  after(() => site.close());

  it("a full scan gets a letter", () => {
    assert.equal(full.outcome, "complete");
    assert.match(full.summary.grade, /^(A\+|A|B|C|D|F)$/);
    assert.equal(full.summary.gradeWithheld, undefined);
  });

  it("a scan limited with --only says partial and names what did not run, in every format", () => {
    assert.equal(corsOnly.summary.grade, "partial");
    assert.match(corsOnly.summary.gradeWithheld ?? "", /default checks did not run \(.*all of exposure/);
    assert.ok(
      corsOnly.findings.some((finding) => finding.id.startsWith("cors.")),
      "its findings are still reported",
    );
    assert.match(renderTerminal(corsOnly, { color: false }), /Grade partial[\s\S]*Partial scan, no grade/);
    assert.match(renderHtml(corsOnly), />partial<small>no grade<\/small>/);
    const badge = renderBadge(corsOnly.summary.grade);
    assert.match(badge, />partial</);
    assert.doesNotMatch(badge, /#15803d/, "never the colour of a good grade");
  });
});
