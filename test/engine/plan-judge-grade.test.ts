import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkInput, defineArtifact, UndeclaredArtifactError, type Need } from "../../src/core/artifact.ts";
import type { Check } from "../../src/core/check.ts";
import type { Finding, FindingDraft } from "../../src/core/finding.ts";
import { emptyDiscovery, type Recording } from "../../src/core/recording.ts";
import type { Severity } from "../../src/core/severity.ts";
import { parseTarget } from "../../src/core/target.ts";
import { gradeFor } from "../../src/engine/grade.ts";
import { judge } from "../../src/engine/judge.ts";
import { artifactRequests, planProbes, planScan, selectChecks } from "../../src/engine/plan.ts";
import type { Probe } from "../../src/probes/index.ts";

const Page = defineArtifact("test-page", (recording) => recording.exchanges.length);
const Cors = defineArtifact("test-cors", () => "cors");
const Files = defineArtifact("test-files", () => ["a"]);

function probe(name: string, after: string[], produces: Probe["produces"]): Probe {
  return { name, title: name, after, produces, run: async () => undefined };
}
const PROBES = [
  probe("discovery", [], [Page]),
  probe("cors", ["discovery"], [Cors]),
  probe("files", ["discovery"], [Files]),
];

function check(id: string, needs: Need[], analyse: Check["analyse"] = () => []): Check {
  return {
    meta: {
      id,
      title: id,
      cvss: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N",
      cwe: "CWE-200",
      references: [],
      explanation: "",
      fixes: {},
      learn: "x",
      needs,
    },
    analyse,
  };
}

const recording: Recording = {
  target: parseTarget("https://app.example.com/"),
  exchanges: [],
  discovery: emptyDiscovery(),
  tls: new Map(),
  handshakes: [],
};

describe("selectChecks", () => {
  const all = [check("cors.a", []), check("cors.b", []), check("headers.c", [])];
  const ids = (checks: Check[]) => checks.map((c) => c.meta.id);
  it("takes whole families, family wildcards and single ids, then removes ignored ones", () => {
    assert.deepEqual(ids(selectChecks(all, ["cors"])), ["cors.a", "cors.b"]);
    assert.deepEqual(ids(selectChecks(all, ["cors.*"])), ["cors.a", "cors.b"]);
    assert.deepEqual(ids(selectChecks(all, ["headers.c"])), ["headers.c"]);
    assert.deepEqual(ids(selectChecks(all, [], ["cors.a"])), ["cors.b", "headers.c"]);
    assert.deepEqual(ids(selectChecks(all)), ["cors.a", "cors.b", "headers.c"]);
  });
  it("does not take a family by prefix of its name", () => {
    assert.deepEqual(ids(selectChecks(all, ["cor"])), []);
  });
});

describe("planProbes", () => {
  const names = (waves: Probe[][]) => waves.map((wave) => wave.map((p) => p.name));
  it("runs the producers of what the checks need, after what they depend on, in waves", () => {
    assert.deepEqual(names(planProbes([check("c", [Cors])], PROBES)), [["discovery"], ["cors"]]);
    assert.deepEqual(
      names(planProbes([check("c", [Cors]), check("f", [{ kind: Files, request: "env" }])], PROBES)),
      [["discovery"], ["cors", "files"]],
    );
    assert.deepEqual(names(planProbes([check("p", [Page])], PROBES)), [["discovery"]]);
    assert.deepEqual(names(planProbes([], PROBES)), []);
  });
  it("refuses an artifact no probe produces, and one that two probes claim", () => {
    const orphan = defineArtifact("orphan", () => 0);
    assert.throws(() => planProbes([check("o", [orphan])], PROBES), /no probe produces/);
    assert.throws(
      () => planProbes([check("c", [Cors])], [...PROBES, probe("again", [], [Cors])]),
      /produced by both/,
    );
  });
  it("collects the typed requests checks make of an artifact, and planScan puts it together", () => {
    const checks = [
      check("a", [{ kind: Files, request: "env" }]),
      check("b", [{ kind: Files, request: "git" }, Cors]),
    ];
    assert.deepEqual([...(artifactRequests(checks).get(Files) ?? [])], ["env", "git"]);
    assert.equal(artifactRequests(checks).get(Cors), undefined);
    const plan = planScan({ only: ["a"], ignore: [] }, { checks, probes: PROBES });
    assert.deepEqual(
      plan.checks.map((c) => c.meta.id),
      ["a"],
    );
    assert.deepEqual([...(plan.requests.get(Files) ?? [])], ["env"]);
  });
});

describe("checkInput", () => {
  it("gives a check the artifacts it declared, memoised per recording, and refuses the others", () => {
    const input = checkInput(recording, [Page], "test.check");
    assert.equal(input.read(Page), 0);
    assert.equal(input.target, recording.target);
    assert.throws(() => input.read(Cors), UndeclaredArtifactError);
  });
});

describe("judge", () => {
  const draft = (url: string, summary = "s"): FindingDraft => ({ url, summary, evidence: [{ note: "n" }] });
  it("groups drafts by key into one finding listing every URL, attaches meta and a CVSS severity", () => {
    const c = check("t.grouped", [], () => [
      draft("https://a.example.com/1"),
      draft("https://a.example.com/2"),
    ]);
    c.meta.cvss = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N";
    const grouped: Check = {
      ...c,
      analyse: () => [
        { ...draft("https://a.example.com/1"), groupKey: "a" },
        { ...draft("https://a.example.com/2"), groupKey: "a" },
      ],
    };
    const { findings, errors } = judge([grouped], recording, []);
    assert.deepEqual(errors, []);
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0]!.urls, ["https://a.example.com/1", "https://a.example.com/2"]);
    assert.equal(findings[0]!.severity, "high");
    assert.equal(findings[0]!.cvss.score, 7.5);
    assert.match(findings[0]!.summary, /1 more URL/);
  });
  it("reports a check that throws as an error and keeps judging the others, highest severity first", () => {
    const broken = check("t.broken", [], () => {
      throw new Error("boom");
    });
    const low = check("t.low", [], () => [draft("https://a.example.com/")]);
    low.meta.cvss = "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N";
    const high = check("t.high", [], () => [draft("https://a.example.com/")]);
    high.meta.cvss = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N";
    const { findings, errors } = judge([broken, low, high], recording, []);
    assert.deepEqual(errors, [{ id: "t.broken", message: "boom" }]);
    assert.deepEqual(
      findings.map((f) => f.id),
      ["t.high", "t.low"],
    );
  });
  it("turns a read of an undeclared artifact into a check error, never a silent miss", () => {
    const sneaky = check("t.sneaky", [Page], (input) => {
      input.read(Cors);
      return [];
    });
    const { errors } = judge([sneaky], recording, []);
    assert.match(errors[0]!.message, /without declaring it/);
  });
});

describe("gradeFor", () => {
  const finding = (severity: Severity) => ({ severity }) as Finding;
  const grade = (...severities: Severity[]) => gradeFor(severities.map(finding)).grade;
  it("takes points off per severity and bands the score", () => {
    assert.equal(grade(), "A+");
    assert.equal(grade("info", "info"), "A+");
    assert.equal(grade("low"), "A+");
    assert.equal(grade("low", "low"), "A");
    assert.equal(grade("medium", "medium"), "B");
    assert.equal(grade("medium", "medium", "medium", "low", "low", "low", "low"), "F");
  });
  it("caps the grade at C with a high finding and at F with a critical one", () => {
    assert.equal(grade("high"), "C");
    assert.equal(grade("critical"), "F");
    assert.equal(gradeFor([finding("high")]).score, 70);
  });
});
