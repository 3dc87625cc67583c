import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { renderTerminal } from "../../src/reporters/index.ts";
import { fakeReport } from "../api/fake-report.ts";

describe("text report", () => {
  it("prints an unreachable target's sentence as it is, without a doubled 'Could not'", () => {
    const report = {
      ...fakeReport("http://nowhere.example/"),
      outcome: "unreachable" as const,
      failure:
        "Could not find nowhere.example: the name does not resolve (check the spelling of the address).",
    };
    const text = renderTerminal(report, { color: false });
    assert.match(text, /\nCould not find nowhere\.example: the name does not resolve/);
    assert.doesNotMatch(text, /Could not scan/);
  });

  it("counts in words that agree: 1 request, 1 finding", () => {
    const base = fakeReport("http://one.example/");
    const report = {
      ...base,
      findings: base.findings.slice(0, 1),
      summary: { ...base.summary, total: 1 },
      requests: { ...base.requests, sent: 1 },
    };
    const text = renderTerminal(report, { color: false });
    assert.match(text, / · 1 finding · 1 request in /);
  });
});
