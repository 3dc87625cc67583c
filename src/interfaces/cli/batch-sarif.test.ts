import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import { failedRecord, type BatchSiteRecord } from "./batch-record.ts";
import { renderBatchSarif } from "./batch-sarif.ts";

const schema = JSON.parse(
  readFileSync(new URL("../../../test/fixtures/sarif-schema-2.1.0.json", import.meta.url), "utf8"),
) as object;

function site(url: string, ids: string[]): BatchSiteRecord {
  return {
    ...failedRecord(url, ""),
    status: "done",
    grade: "C",
    highest: "high",
    findings: ids.map((id) => ({
      id,
      title: id,
      severity: "high",
      cvss: { vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:N/A:N", score: 7.1 },
      cwe: "CWE-942",
      url: `${url}api`,
      urls: [`${url}api`],
      summary: `${id} on ${url}`,
    })),
  };
}

const rule = (id: string) => ({
  id,
  title: `Title of ${id}`,
  explanation: "Why it matters.",
  fixes: { express: "Do this." },
  references: [{ title: "Ref", url: "https://example.org/ref" }],
  cwe: "CWE-942",
  severity: "high" as const,
  cvss: { score: 7.1 },
});

describe("batch SARIF", () => {
  const records = [
    site("https://a.test/", ["cors.origin-reflected", "headers.csp-missing"]),
    site("https://b.test/", ["cors.origin-reflected"]),
    failedRecord("https://c.test/", "c.test refused the connection."),
  ];
  const text = renderBatchSarif(records, rule, {
    version: "0.1.0",
    startedAt: "2026-12-04T10:00:00.000Z",
    finishedAt: "2026-12-04T10:05:00.000Z",
  });
  const sarif = JSON.parse(text) as {
    runs: Array<{
      tool: { driver: { rules: Array<{ id: string }> } };
      invocations: Array<{
        executionSuccessful: boolean;
        toolExecutionNotifications: Array<{ message: { text: string } }>;
      }>;
      results: Array<{ ruleId: string; ruleIndex: number; properties: { site: string } }>;
    }>;
  };

  it("validates against the OASIS SARIF 2.1.0 schema", () => {
    const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    assert.ok(validate(sarif), JSON.stringify(validate.errors, null, 2));
  });

  it("is one run whose results carry their site, with one rule per id and failed sites as notifications", () => {
    assert.equal(sarif.runs.length, 1);
    const run = sarif.runs[0]!;
    assert.deepEqual(
      run.tool.driver.rules.map((r) => r.id),
      ["cors.origin-reflected", "headers.csp-missing"],
    );
    assert.deepEqual(
      run.results.map((r) => [r.ruleId, r.ruleIndex, r.properties.site]),
      [
        ["cors.origin-reflected", 0, "https://a.test/"],
        ["headers.csp-missing", 1, "https://a.test/"],
        ["cors.origin-reflected", 0, "https://b.test/"],
      ],
    );
    assert.equal(run.invocations[0]!.executionSuccessful, false);
    assert.deepEqual(
      run.invocations[0]!.toolExecutionNotifications.map((n) => n.message.text),
      ["https://c.test/: c.test refused the connection."],
    );
  });
});
