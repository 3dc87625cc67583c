import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import { scanDemo } from "../support/demo-scan.ts";
import type { Report } from "../../src/engine/report.ts";
import { renderSarif } from "../../src/reporters/sarif.ts";

/** The official OASIS schema, copied unchanged into test/fixtures (see test/fixtures/SOURCES.md). */
const schema = JSON.parse(
  readFileSync(new URL("../fixtures/sarif-schema-2.1.0.json", import.meta.url), "utf8"),
) as object;

describe("SARIF report", () => {
  let report: Report;
  let close: () => Promise<void>;
  before(async () => {
    ({ report, close } = await scanDemo());
  });
  after(() => close());

  it("validates against the OASIS SARIF 2.1.0 schema", () => {
    const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    const sarif = JSON.parse(renderSarif(report)) as unknown;
    assert.ok(validate(sarif), JSON.stringify(validate.errors, null, 2));
  });

  it("gives every rule help text and a CVSS-derived security-severity, and every result a rule", () => {
    const sarif = JSON.parse(renderSarif(report)) as {
      runs: Array<{
        tool: {
          driver: {
            rules: Array<{
              id: string;
              help: { text: string; markdown: string };
              properties: Record<string, unknown>;
            }>;
          };
        };
        results: Array<{ ruleId: string; ruleIndex: number; level: string; locations: unknown[] }>;
      }>;
    };
    const run = sarif.runs[0]!;
    assert.ok(run.results.length > 0);
    for (const rule of run.tool.driver.rules) {
      assert.ok(rule.help.text.length > 50);
      assert.match(rule.help.markdown, /How to fix/);
      assert.match(String(rule.properties["security-severity"]), /^\d+\.\d$/);
    }
    for (const result of run.results) {
      assert.equal(run.tool.driver.rules[result.ruleIndex]!.id, result.ruleId);
      assert.ok(result.locations.length > 0);
    }
    const reflected = run.results.find((r) => r.ruleId === "cors.origin-reflected");
    assert.equal(reflected?.level, "error");
  });
});
