import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { scanText } from "../engine.ts";
import { RULES } from "./index.ts";

/**
 * Every rule over every sample (gitleaks-style): a rule's secrets are found by that rule, its public keys
 * are recognised as public by it, and no rule reports any sample's look-alikes or public keys as secrets.
 */
describe("secret rules", () => {
  it("have unique names, usable patterns and samples", () => {
    const names = RULES.map((rule) => rule.name);
    assert.equal(new Set(names).size, names.length);
    for (const rule of RULES) {
      if (rule.anchor) assert.ok(rule.pattern.sticky, `${rule.name}: an anchored pattern needs the y flag`);
      else assert.ok(rule.pattern.global, `${rule.name}: pattern needs the g flag`);
      assert.ok(rule.keywords.length > 0, `${rule.name}: needs keywords`);
      assert.ok(
        rule.samples.secret.length + (rule.samples.public?.length ?? 0) > 0,
        `${rule.name}: needs samples`,
      );
    }
  });

  for (const rule of RULES) {
    describe(rule.name, () => {
      rule.samples.secret.forEach((sample, index) => {
        it(`finds secret sample ${index + 1}`, () => {
          const matches = scanText(sample);
          const own = matches.filter((m) => m.rule === rule && m.kind === "secret");
          assert.equal(own.length, 1, `expected one ${rule.name} secret, got ${describeMatches(matches)}`);
          const match = own[0]!;
          assert.equal(sample.slice(match.start, match.end), match.secret);
          assert.ok(!match.redacted.includes(match.secret), "the redacted form shows the whole secret");
          assert.ok(match.redacted.length < match.secret.length);
          const others = matches.filter((m) => m.kind === "secret" && m !== match);
          assert.deepEqual(describeMatches(others), "nothing", "another rule also reported it");
        });
      });
      (rule.samples.public ?? []).forEach((sample, index) => {
        it(`recognises public sample ${index + 1} as public`, () => {
          const matches = scanText(sample);
          assert.ok(
            matches.some((m) => m.rule === rule && m.kind === "public"),
            `expected a public ${rule.name}, got ${describeMatches(matches)}`,
          );
          assert.equal(describeMatches(matches.filter((m) => m.kind === "secret")), "nothing");
        });
      });
      rule.samples.notSecret.forEach((sample, index) => {
        it(`ignores look-alike ${index + 1}`, () => {
          const secrets = scanText(sample).filter((m) => m.kind === "secret");
          assert.equal(describeMatches(secrets), "nothing");
        });
      });
    });
  }
});

function describeMatches(matches: ReadonlyArray<{ rule: { name: string }; kind: string; redacted: string }>) {
  return matches.length === 0
    ? "nothing"
    : matches.map((m) => `${m.rule.name}/${m.kind} ${m.redacted}`).join(", ");
}
