import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkInput, defineArtifact, UndeclaredArtifactError } from "../../src/core/artifact.ts";
import type { Check } from "../../src/core/check.ts";
import { stubCheck } from "../support/check-stub.ts";
import type { Finding, FindingDraft } from "../../src/core/finding.ts";
import { emptyDiscovery, type Recording } from "../../src/core/recording.ts";
import type { Severity } from "../../src/core/severity.ts";
import { parseTarget } from "../../src/core/target.ts";
import { GRADES, gradeFor, gradeWithheld } from "../../src/engine/grade.ts";
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

const check = stubCheck;

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
  it("stops at the deadline: the checks left are named as cut, never run silently", () => {
    const slow = check("t.slow", [], () => {
      const until = performance.now() + 30;
      while (performance.now() < until) {
        // A check burning CPU past the deadline (the hostile cases are bounded elsewhere; this one is ours).
      }
      return [draft("https://a.example.com/")];
    });
    const after = (id: string) => check(id, [], () => [draft("https://a.example.com/")]);
    const result = judge([slow, after("t.next"), after("t.last")], recording, [], performance.now() + 10);
    assert.deepEqual(result.cut, ["t.next", "t.last"]);
    assert.deepEqual(
      result.findings.map((finding) => finding.id),
      ["t.slow"],
    );
    assert.deepEqual(judge([after("t.next")], recording, []).cut, [], "no deadline, nothing cut");
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
  const rank = (letter: string) => GRADES.indexOf(letter as (typeof GRADES)[number]);

  it("picks the range by the most serious finding and the letter by the points left", () => {
    assert.equal(grade(), "A+");
    assert.equal(grade("info", "info"), "A+");
    assert.equal(grade("low"), "A");
    assert.equal(grade("low", "low", "low", "low"), "B");
    assert.equal(grade("medium", "medium"), "B");
    assert.equal(grade("medium", "medium", "medium"), "C");
    assert.equal(grade("high"), "C");
    assert.equal(grade("high", "medium", "medium"), "D");
    assert.equal(grade("critical"), "F");
    assert.equal(gradeFor([finding("high")]).score, 70);
  });

  it("never grades many small problems below one serious one", () => {
    assert.equal(grade(...Array<Severity>(20).fill("medium")), "C");
    assert.ok(rank(grade(...Array<Severity>(20).fill("medium"))) <= rank(grade("high")));
    assert.ok(rank(grade(...Array<Severity>(20).fill("low"))) <= rank(grade("medium")));
  });

  // Property-style, over a seeded stream so a failure replays: random sets of findings and random subsets.
  const random = seeded(20261204);
  const severities: Severity[] = ["info", "low", "medium", "high", "critical"];
  const someFindings = (max: number) =>
    Array.from({ length: Math.floor(random() * max) }, () => severities[Math.floor(random() * 5)]!);

  it("is monotonic: taking findings away never makes the grade worse", () => {
    for (let round = 0; round < 2000; round++) {
      const all = someFindings(12);
      const kept = all.filter(() => random() < 0.5);
      assert.ok(rank(grade(...kept)) <= rank(grade(...all)), `${kept.join(",")} vs ${all.join(",")}`);
    }
  });

  it("puts severity first: a worse most-serious finding never grades better", () => {
    for (let round = 0; round < 2000; round++) {
      const a = someFindings(12);
      const b = someFindings(12);
      const worst = (list: Severity[]) => Math.max(-1, ...list.map((s) => severities.indexOf(s)));
      if (worst(a) < worst(b))
        assert.ok(rank(grade(...a)) <= rank(grade(...b)), `${a.join(",")} vs ${b.join(",")}`);
    }
  });
});

describe("gradeWithheld", () => {
  const defaults = ["cors.a", "cors.b", "headers.c", "secret.d"];
  it("gives a grade only to a scan that ran every default check to the end", () => {
    assert.equal(gradeWithheld(defaults, defaults, []), undefined);
    assert.equal(gradeWithheld([...defaults, "test.extra"], defaults, []), undefined);
    assert.equal(
      gradeWithheld(["cors.a", "cors.b"], defaults, []),
      "Partial scan, no grade: 2 of the 4 default checks did not run (all of headers, all of secret).",
    );
    assert.match(gradeWithheld(["cors.a", "headers.c", "secret.d"], defaults, []) ?? "", /1 of cors/);
    assert.equal(
      gradeWithheld(defaults, defaults, [
        { kind: "budget", message: "x" },
        { kind: "deadline", message: "y" },
      ]),
      "Partial scan, no grade: the scan was cut short: the request budget ran out, the scan deadline passed.",
    );
    assert.equal(gradeWithheld(defaults, defaults, [{ kind: "request-failed", message: "z" }]), undefined);
  });
});

/** A small deterministic generator (mulberry32): the same seed gives the same stream. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
