import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findingFingerprint, type Finding } from "../core/index.ts";
import type { Report } from "./report.ts";
import { applyIgnoreRules } from "./suppress.ts";

/** Only what suppression reads of a finding; the rest of a finding is carried along untouched. */
function finding(id: string, url: string, severity: Finding["severity"] = "high"): Finding {
  return { id, url, severity, title: `${id} title` } as Finding;
}

function report(findings: Finding[]): Report {
  const bySeverity = { info: 0, low: 0, medium: 0, high: 0, critical: 0 };
  for (const f of findings) bySeverity[f.severity]++;
  return {
    findings,
    summary: { total: findings.length, bySeverity, highest: "critical", grade: "D" },
  } as unknown as Report;
}

const ENV = finding("exposure.env-file", "https://shop.test/.env", "critical");
const CORS_API = finding("cors.origin-reflected", "https://shop.test/api/me");
const CORS_ADMIN = finding("cors.origin-reflected", "https://admin.shop.test/me");
const DAY = new Date("2027-03-15T23:59:59Z");

describe("applyIgnoreRules", () => {
  it("moves a finding named by fingerprint to suppressed, with the reason, and recounts the summary", () => {
    const { report: after, expired } = applyIgnoreRules(
      report([ENV, CORS_API]),
      [{ fingerprint: findingFingerprint(ENV), reason: "fake keys only" }],
      DAY,
    );
    assert.deepEqual(
      after.findings.map((f) => f.id),
      ["cors.origin-reflected"],
    );
    assert.deepEqual(after.suppressed, [
      {
        id: ENV.id,
        url: ENV.url,
        fingerprint: findingFingerprint(ENV),
        severity: "critical",
        title: ENV.title,
        reason: "fake keys only",
      },
    ]);
    assert.equal(after.summary.total, 1);
    assert.equal(after.summary.bySeverity.critical, 0);
    assert.equal(after.summary.highest, "high");
    assert.equal(after.summary.grade, "D", "the grade stays as judged");
    assert.deepEqual(expired, []);
  });

  it("matches an id on URLs of its pattern only, where * is any run of characters and the rest is literal", () => {
    const { report: after } = applyIgnoreRules(
      report([CORS_API, CORS_ADMIN]),
      [{ id: "cors.origin-reflected", url: "https://shop.test/*", reason: "public API" }],
      DAY,
    );
    assert.deepEqual(
      after.findings.map((f) => f.url),
      ["https://admin.shop.test/me"],
    );
    // A dot in the pattern is a dot, not any character.
    const literal = applyIgnoreRules(
      report([CORS_API]),
      [{ id: "cors.origin-reflected", url: "https://shop.test/api/m.", reason: "x" }],
      DAY,
    );
    assert.equal(literal.report.findings.length, 1, "m. does not match me");
    const dotIsNotAny = applyIgnoreRules(
      report([finding("cors.origin-reflected", "https://shopXtest/api/me")]),
      [{ id: "cors.origin-reflected", url: "https://shop.test/*", reason: "x" }],
      DAY,
    );
    assert.equal(dotIsNotAny.report.findings.length, 1);
  });

  it("applies an entry through its expiry day (UTC) and not the day after, naming it as expired", () => {
    const rule = { id: "exposure.env-file", reason: "launch week", expires: "2027-03-15" };
    const lastDay = applyIgnoreRules(report([ENV]), [rule], DAY);
    assert.equal(lastDay.report.findings.length, 0);
    assert.equal(lastDay.report.suppressed?.[0]?.expires, "2027-03-15");
    const dayAfter = applyIgnoreRules(report([ENV]), [rule], new Date("2027-03-16T00:00:00Z"));
    assert.equal(dayAfter.report.findings.length, 1);
    assert.deepEqual(dayAfter.expired, [rule]);
    assert.deepEqual(dayAfter.report.suppressed, []);
  });

  it("leaves the report as it is without rules (no suppressed list at all)", () => {
    const before = report([ENV]);
    const { report: after } = applyIgnoreRules(before, [], DAY);
    assert.equal(after, before);
    assert.equal("suppressed" in after, false);
  });

  it("needs an id or a fingerprint: a URL alone accepts nothing", () => {
    const { report: after } = applyIgnoreRules(report([ENV]), [{ url: "*", reason: "everything" }], DAY);
    assert.equal(after.findings.length, 1);
  });
});
