import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { HEADERS_GRADE_COSTS, headersGrade } from "./headers-grade.ts";
import { CHECKS } from "../checks/index.ts";

describe("headers grade", () => {
  it("is A+ with nothing to report", () => {
    assert.deepEqual(headersGrade([]), { grade: "A+", score: 100, lines: [] });
  });

  it("charges each id once, costliest first, and says so line by line", () => {
    const result = headersGrade([
      { id: "headers.x-content-type-options-missing", severity: "low" },
      { id: "headers.csp-missing", severity: "medium" },
      { id: "headers.csp-missing", severity: "medium" },
      { id: "cors.origin-reflected", severity: "high" },
    ]);
    assert.deepEqual(result.lines, [
      { id: "headers.csp-missing", cost: 25 },
      { id: "headers.x-content-type-options-missing", cost: 5 },
    ]);
    assert.equal(result.score, 70);
    assert.equal(result.grade, "C");
  });

  it("charges nothing for informational findings", () => {
    const result = headersGrade([
      { id: "headers.permissions-policy-missing", severity: "info" },
      { id: "cookie.missing-secure", severity: "info" },
    ]);
    assert.equal(result.score, 100);
  });

  it("has a cost for every headers.* and cookie.* check", () => {
    for (const check of CHECKS.filter((c) => /^(headers|cookie)\./.test(c.meta.id)))
      assert.ok(check.meta.id in HEADERS_GRADE_COSTS, `${check.meta.id} has no cost`);
  });
});
