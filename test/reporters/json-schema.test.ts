import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { scanDemo } from "../support/demo-scan.ts";
import type { Report } from "../../src/engine/report.ts";
import { renderJson } from "../../src/reporters/json.ts";
import { applyIgnoreRules } from "../../src/engine/suppress.ts";
import { findingFingerprint } from "../../src/core/index.ts";
import { scanUrl } from "../support/scan-url.ts";

const schema = JSON.parse(
  readFileSync(new URL("../../schemas/report.schema.json", import.meta.url), "utf8"),
) as object;

function validator() {
  const ajv = new Ajv2020.default({ allErrors: true, strict: true });
  addFormats.default(ajv);
  return ajv.compile(schema);
}

describe("JSON report", () => {
  let report: Report;
  let close: () => Promise<void>;
  before(async () => {
    ({ report, close } = await scanDemo());
  });
  after(() => close());

  it("validates against schemas/report.schema.json for a real scan with findings", () => {
    const validate = validator();
    const parsed = JSON.parse(renderJson(report)) as unknown;
    assert.ok(report.findings.length > 0, "the demo site must yield findings for this test to mean anything");
    assert.ok(validate(parsed), JSON.stringify(validate.errors, null, 2));
  });

  it("validates for an unreachable target too", async () => {
    const demo = new URL(report.target.url);
    const budgetLimited = await scanUrl(`http://127.0.0.1:${demo.port}/`, { budget: 1, timeoutMs: 5000 });
    const failed = await scanUrl("http://closed.demo.test:1/", {
      resolve: ["closed.demo.test:1:127.0.0.1"],
      timeoutMs: 5000,
    });
    const validate = validator();
    for (const r of [budgetLimited, failed])
      assert.ok(validate(JSON.parse(renderJson(r))), JSON.stringify(validate.errors));
    assert.equal(failed.outcome, "unreachable");
    assert.match(failed.failure ?? "", /refused/);
  });

  it("validates with accepted findings (ignore entries) and baseline marks", () => {
    const validate = validator();
    const [first, second] = report.findings;
    const { report: accepted } = applyIgnoreRules(
      report,
      [{ id: first!.id, reason: "accepted in review", expires: "2999-01-01" }],
      new Date("2026-12-04T00:00:00Z"),
    );
    assert.ok((accepted.suppressed ?? []).length > 0);
    const parsed = JSON.parse(renderJson(accepted, new Set([findingFingerprint(second!)]))) as {
      findings: Array<{ baselineState?: string }>;
    };
    assert.ok(parsed.findings.some((finding) => finding.baselineState === "new"));
    assert.ok(parsed.findings.some((finding) => finding.baselineState === "unchanged"));
    assert.ok(validate(parsed), JSON.stringify(validate.errors, null, 2));
  });

  it("rejects a report whose finding lacks its id (the schema can fail)", () => {
    const validate = validator();
    const broken = JSON.parse(renderJson(report)) as { findings: Array<Record<string, unknown>> };
    delete broken.findings[0]!.id;
    assert.equal(validate(broken), false);
  });
});
