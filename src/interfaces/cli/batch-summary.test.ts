import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { failedRecord, type BatchSiteRecord } from "./batch-record.ts";
import { renderBatchSummary, summariseBatch } from "./batch-summary.ts";

function site(url: string, grade: string, high: number, critical: number): BatchSiteRecord {
  return {
    ...failedRecord(url, ""),
    status: "done",
    grade,
    counts: { info: 0, low: 0, medium: 0, high, critical },
    highest: critical > 0 ? "critical" : high > 0 ? "high" : null,
  };
}

describe("batch summary", () => {
  const records = [
    site("https://a.test/", "C", 1, 0),
    site("https://b.test/", "A+", 0, 0),
    site("https://c.test/", "F", 0, 2),
    site("https://d.test/", "A+", 0, 0),
    site("https://e.test/", "partial", 3, 0),
    failedRecord("https://f.test/", "f.test did not answer in time."),
  ];

  it("counts grades best first, lists serious sites worst first and failures with their sentence", () => {
    const summary = summariseBatch(records, 8);
    assert.equal(summary.done, 5);
    assert.equal(summary.failed, 1);
    assert.equal(summary.remaining, 2);
    assert.deepEqual(summary.grades, [
      { grade: "A+", sites: 2 },
      { grade: "C", sites: 1 },
      { grade: "F", sites: 1 },
      { grade: "partial", sites: 1 },
    ]);
    assert.deepEqual(
      summary.serious.map((s) => s.url),
      ["https://c.test/", "https://e.test/", "https://a.test/"],
    );
    assert.deepEqual(summary.failures, [
      { url: "https://f.test/", reason: "f.test did not answer in time." },
    ]);
  });

  it("renders the tables with the site's text made safe", () => {
    const text = renderBatchSummary(summariseBatch(records, 8), (s) => s.replaceAll("\x1b", "?"));
    assert.match(text, /^Batch: 6 of 8 sites finished: 5 scanned, 1 failed, 2 not scanned\./);
    assert.match(text, /A\+\s+2\n/);
    assert.match(text, /Sites with high or critical findings \(3\):/);
    assert.match(text, /\s+2\s+0\s+F\s+https:\/\/c\.test\//);
    assert.match(
      text,
      /Sites that could not be scanned \(1\):\n {2}https:\/\/f\.test\/: f\.test did not answer in time\./,
    );
    const hostile = renderBatchSummary(
      summariseBatch([failedRecord("https://g.test/", "\x1b[2Jgone")], 1),
      (s) => s.replaceAll("\x1b", "?"),
    );
    assert.doesNotMatch(hostile, /\x1b/);
  });
});
