import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fakeReport } from "../../../test/api/fake-report.ts";
import { asRecord, reaches, recordFromReport } from "./batch-record.ts";

describe("batch records", () => {
  it("keeps a scanned site's grade, counts and compact findings", () => {
    const report = fakeReport("https://a.test/");
    report.summary = { ...report.summary, grade: "C", highest: "high" };
    report.summary.bySeverity.high = 1;
    report.findings = [
      {
        id: "cors.origin-reflected",
        title: "t",
        severity: "high",
        cvss: { vector: "v", score: 8.1 },
        cwe: "CWE-942",
        references: [],
        explanation: "long",
        fixes: {},
        learn: "cors",
        url: "https://a.test/api",
        urls: Array.from({ length: 12 }, (_, i) => `https://a.test/api/${i}`),
        summary: "reflects",
        evidence: [{ note: "big" }],
        details: {},
        aiPrompt: "long",
      },
    ];
    const record = recordFromReport("https://a.test/", report);
    assert.equal(record.status, "done");
    assert.equal(record.grade, "C");
    assert.equal(record.counts.high, 1);
    assert.equal(record.findings[0]!.urls.length, 10, "at most ten URLs per finding");
    assert.ok(!("evidence" in record.findings[0]!), "evidence stays in the full report");
    assert.equal(reaches(record, "high"), true);
    assert.equal(reaches(record, "critical"), false);
  });

  it("makes an unreachable target a failed site with the report's sentence", () => {
    const report = { ...fakeReport("https://b.test/"), outcome: "unreachable" as const };
    report.failure = "b.test did not answer in time.";
    const record = recordFromReport("https://b.test/", report);
    assert.equal(record.status, "failed");
    assert.equal(record.error, "b.test did not answer in time.");
    assert.equal(record.grade, null);
    assert.equal(reaches(record, "info"), false);
  });

  it("reads back only values shaped like records", () => {
    const record = recordFromReport("https://a.test/", fakeReport("https://a.test/"));
    assert.deepEqual(asRecord(JSON.parse(JSON.stringify(record))), record);
    assert.equal(asRecord({ url: "x", status: "maybe", counts: {}, findings: [] }), undefined);
    assert.equal(asRecord({ ...record, highest: "extreme" }), undefined);
    assert.equal(asRecord(null), undefined);
  });
});
