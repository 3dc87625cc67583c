import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { CHECKS } from "../../src/checks/index.ts";
import { scoreCvss } from "../../src/core/cvss.ts";
import { REQUIRED_STACKS } from "../../src/core/stack.ts";
import { PROBES } from "../../src/probes/index.ts";
import { needKind } from "../../src/core/artifact.ts";
import { PLANNED_IDS } from "./planned-ids.ts";

const root = new URL("../../", import.meta.url);
const contract = readFileSync(new URL("docs/finding-ids.md", root), "utf8");
/** The ids in the contract's tables: the first cell of each row. */
const contractIds = new Set(
  [...contract.matchAll(/^\|\s*([a-z]+\.[a-z0-9-]+)\s*\|/gm)].map((match) => match[1]),
);

/** Conformance over the registry (design rule 7): what every check must be, checked once for all. */
describe("check registry", () => {
  it("covers the contract: every id is a registered check or planned by a named issue, never both", () => {
    const registered = new Set(CHECKS.map((check) => check.meta.id));
    const planned = Object.keys(PLANNED_IDS);
    assert.deepEqual(
      [...contractIds].filter((id) => id !== undefined && !registered.has(id) && !planned.includes(id)),
      [],
      "contract ids with no check and no plan",
    );
    assert.deepEqual(
      planned.filter((id) => registered.has(id)),
      [],
      "built: remove them from test/conformance/planned-ids.ts",
    );
    assert.deepEqual(
      planned.filter((id) => !contractIds.has(id)),
      [],
      "planned ids that are not in the contract",
    );
  });

  it("has unique ids, sorted", () => {
    const ids = CHECKS.map((check) => check.meta.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(ids, [...ids].sort());
  });

  for (const check of CHECKS) {
    const { meta } = check;
    describe(meta.id, () => {
      const [family, name] = meta.id.split(".");
      it("is a contract id, in a file of the same name", () => {
        assert.match(meta.id, /^[a-z]+\.[a-z0-9]+(?:-[a-z0-9]+)*$/);
        assert.ok(contractIds.has(meta.id), `${meta.id} is not in docs/finding-ids.md`);
        const file = new URL(`src/checks/${family}/${name}.ts`, root);
        assert.ok(existsSync(file), `expected src/checks/${family}/${name}.ts`);
        assert.ok(readFileSync(file, "utf8").includes(`"${meta.id}"`));
      });
      it("has vulnerable and safe cases beside it", () => {
        const candidates = [
          `src/checks/${family}/${name}.test.ts`,
          `src/checks/${family}/${family}.test.ts`,
        ].map((p) => new URL(p, root));
        const tests = candidates.filter((file) => existsSync(file)).map((file) => readFileSync(file, "utf8"));
        const text = tests.find((t) => t.includes(`"${meta.id}"`));
        assert.ok(text, `no test names ${meta.id}`);
      });
      it("has well-formed meta", () => {
        assert.match(meta.cwe, /^CWE-\d+$/);
        assert.ok(meta.title.length > 10 && meta.title.length < 120);
        assert.ok(meta.explanation.length > 80, "explanation is too short to help anyone");
        assert.ok(meta.references.length > 0);
        for (const ref of meta.references) assert.match(ref.url, /^https:\/\//);
        assert.match(meta.learn, /^[a-z0-9-]+(#[a-z0-9-]+)?$/);
        assert.doesNotThrow(() => scoreCvss(meta.cvss));
        for (const stack of REQUIRED_STACKS) assert.ok(meta.fixes[stack], `no fix for ${stack}`);
        for (const need of meta.needs) {
          const kind = needKind(need);
          const makers = PROBES.filter((probe) => probe.produces.includes(kind));
          assert.equal(makers.length, 1, `"${kind.name}" must be produced by exactly one probe`);
        }
      });
    });
  }
});
