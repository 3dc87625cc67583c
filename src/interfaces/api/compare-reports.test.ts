import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Finding } from "../../core/index.ts";
import type { Report } from "../../engine/index.ts";
import { fakeReport } from "../../../test/api/fake-report.ts";
import { compareReports } from "./compare-reports.ts";

const URL_ = "https://site.example/";

/** A complete report that ran `checks` and found `found` (check ids) on the page. */
function reportOf(checks: string[], found: string[], change: Partial<Report> = {}): Report {
  const base = fakeReport(URL_);
  const findings = found.map(
    (id) => ({ id, url: URL_, title: `title of ${id}`, summary: "s", severity: "medium" }) as Finding,
  );
  return { ...base, findings, probed: { ...base.probed, checks }, ...change };
}

const ids = (entries: ReadonlyArray<{ id: string }>) => entries.map((entry) => entry.id);

describe("compareReports", () => {
  it("counts new and fixed findings of the checks both scans ran, by id and URL", () => {
    const compared = compareReports(
      reportOf(["a.one", "a.two", "a.three"], ["a.one", "a.two"]),
      reportOf(["a.one", "a.two", "a.three"], ["a.two", "a.three"]),
    )!;
    assert.deepEqual(ids(compared.diff.added), ["a.three"]);
    assert.deepEqual(ids(compared.diff.fixed), ["a.one"]);
    assert.deepEqual(ids(compared.diff.unchanged), ["a.two"]);
    assert.deepEqual(compared.checks, ["a.one", "a.three", "a.two"]);
    assert.equal(compared.sameChecks, true);
  });

  it("never calls new a finding of a check the older scan did not run, nor fixed one the newer did not run", () => {
    const compared = compareReports(
      reportOf(["a.one", "a.gone"], ["a.gone"]),
      reportOf(["a.one", "a.added"], ["a.added", "a.one"]),
    )!;
    assert.deepEqual(ids(compared.diff.added), ["a.one"]);
    assert.deepEqual(compared.diff.fixed, []);
    assert.deepEqual(compared.checks, ["a.one"]);
    assert.equal(compared.sameChecks, false);
  });

  it("leaves out a check that threw in either scan: its silence says nothing about the site", () => {
    const compared = compareReports(
      reportOf(["a.one", "a.broken"], ["a.one", "a.broken"]),
      reportOf(["a.one", "a.broken"], [], {
        issues: [{ kind: "check-error", message: "a.broken: Cannot read properties of undefined" }],
      }),
    )!;
    assert.deepEqual(ids(compared.diff.fixed), ["a.one"]);
    assert.deepEqual(compared.checks, ["a.one"]);
  });

  it("compares nothing when the scans share no check, or either is partial or unreachable", () => {
    const complete = reportOf(["a.one"], ["a.one"]);
    assert.equal(compareReports(reportOf(["b.other"], []), complete), undefined);
    assert.equal(compareReports(complete, reportOf(["a.one"], [], { outcome: "partial" })), undefined);
    assert.equal(compareReports(reportOf(["a.one"], [], { outcome: "partial" }), complete), undefined);
    assert.equal(compareReports(reportOf(["a.one"], [], { outcome: "unreachable" }), complete), undefined);
    assert.ok(compareReports(complete, complete), "the same two complete reports do compare");
  });
});
