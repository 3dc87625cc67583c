import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CSV, csvCell, JSONL } from "./batch-formats.ts";
import { failedRecord, type BatchSiteRecord } from "./batch-record.ts";

const scanned: BatchSiteRecord = {
  url: "https://a.test/",
  status: "done",
  grade: "D",
  counts: { info: 0, low: 0, medium: 1, high: 2, critical: 0 },
  highest: "high",
  findings: ["cors.origin-reflected", "cors.origin-reflected", "headers.csp-missing"].map((id) => ({
    id,
    title: id,
    severity: "high" as const,
    cvss: { vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:N/A:N", score: 6.5 },
    cwe: "CWE-942",
    url: "https://a.test/api",
    urls: ["https://a.test/api"],
    summary: "s",
  })),
  requests: 40,
  durationMs: 1200,
  finishedAt: "2026-12-04T10:00:00.000Z",
};

describe("batch formats", () => {
  it("JSONL writes each record as one line that parses back to it", () => {
    const line = JSONL.site(scanned);
    assert.ok(line.endsWith("\n") && !line.slice(0, -1).includes("\n"));
    assert.deepEqual(JSON.parse(line), scanned);
  });

  it("CSV writes a header and one row per site with counts by severity and the finding ids once", () => {
    assert.equal(
      CSV.header,
      "url,status,grade,critical,high,medium,low,info,finding_ids,error,requests,duration_ms,finished_at\r\n",
    );
    assert.equal(
      CSV.site(scanned),
      "https://a.test/,done,D,0,2,1,0,0,cors.origin-reflected headers.csp-missing,,40,1200,2026-12-04T10:00:00.000Z\r\n",
    );
    const failed = CSV.site(failedRecord("https://b.test/", 'said "no", then hung up.', "t"));
    assert.match(failed, /^https:\/\/b\.test\/,failed,,0,0,0,0,0,,"said ""no"", then hung up\.",0,0,t\r\n$/);
  });

  it("CSV keeps a spreadsheet from running a cell a site wrote as a formula", () => {
    assert.equal(csvCell("=HYPERLINK(1)"), "'=HYPERLINK(1)");
    assert.equal(csvCell("@SUM(A1)"), "'@SUM(A1)");
    assert.equal(csvCell("-1,2"), `"'-1,2"`);
    assert.equal(csvCell("line\nbreak"), `"line\nbreak"`);
    assert.equal(csvCell("plain"), "plain");
  });
});
