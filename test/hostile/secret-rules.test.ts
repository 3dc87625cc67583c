import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { RULES, scanText, type SecretRule } from "../../src/secrets/index.ts";

/**
 * Every secret rule stays linear on hostile input. The texts are each rule's own worst cases: its keywords
 * repeated with the characters that usually follow them, and its samples cut short and repeated (a BEGIN
 * line with no END, a key prefix with no tail), so a pattern that backtracks over a wide window for every
 * keyword shows up as time that grows faster than the text. Behaviour bounds, not performance targets:
 * a page of 20 such scripts must not hold a scan for seconds (benchmarks print the real figures).
 */
const SMALL = 64 * 1024;
const LARGE = 8 * 1024 * 1024;
/** Far above any rule on this 2-core machine (the worst is about 1.2 s for 8 MiB), far below a quadratic. */
const LARGE_BOUND_MS = 5_000;
const SMALL_BOUND_MS = 250;

/** The repeating units that stress a rule: its keywords with typical tails, and its samples cut short. */
function adversarialUnits(rule: SecretRule): string[] {
  const units = new Set<string>();
  for (const keyword of rule.keywords)
    for (const tail of ["", "\n", "=", ':"', "A", "-", " ", "_", "0"]) units.add(keyword + tail);
  for (const sample of [...rule.samples.secret, ...rule.samples.notSecret]) {
    for (const keyword of rule.keywords) {
      const at = sample.toLowerCase().indexOf(keyword.toLowerCase());
      if (at < 0) continue;
      for (const extra of [1, 8, 24, 64, 200]) units.add(sample.slice(at, at + keyword.length + extra));
    }
    for (const fraction of [0.1, 0.3, 0.5, 0.7, 0.9])
      units.add(sample.slice(0, Math.max(1, Math.floor(sample.length * fraction))));
  }
  return [...units].flatMap((unit) => [unit, `${unit}\n`]);
}

function repeated(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

function timed(text: string, rule: SecretRule): number {
  const started = performance.now();
  scanText(text, [rule]);
  return performance.now() - started;
}

describe("secret rules on hostile input", () => {
  const worst = new Map<SecretRule, { unit: string; ms: number }>();

  it("every rule gets through repetitions of its own keywords and cut-short samples quickly", () => {
    for (const rule of RULES) {
      for (const unit of adversarialUnits(rule)) {
        const ms = timed(repeated(unit, SMALL), rule);
        assert.ok(
          ms < SMALL_BOUND_MS,
          `${rule.name}: ${Math.round(ms)} ms for 64 KiB of ${JSON.stringify(unit)}`,
        );
        if (ms > (worst.get(rule)?.ms ?? -1)) worst.set(rule, { unit, ms });
      }
    }
    assert.equal(worst.size, RULES.length);
  });

  it("every rule's worst case stays linear at 8 MiB", () => {
    for (const [rule, { unit, ms: small }] of worst) {
      const large = timed(repeated(unit, LARGE), rule);
      const label = `${rule.name} on ${JSON.stringify(unit.slice(0, 40))}`;
      assert.ok(large < LARGE_BOUND_MS, `${label}: ${Math.round(large)} ms for 8 MiB`);
      // 128 times the text may cost about 128 times the time (twice that for noise), never 128 squared.
      assert.ok(
        large < Math.max(256 * small, 500),
        `${label}: ${Math.round(small)} ms → ${Math.round(large)} ms`,
      );
    }
  });

  it("would notice the private-key pattern that read 7,000 characters for every BEGIN", () => {
    const privateKey = RULES.find((rule) => rule.name === "private-key")!;
    const quadratic: SecretRule = {
      ...privateKey,
      pattern:
        /-----BEGIN [A-Z0-9 ]{0,24}?PRIVATE KEY(?: BLOCK)?-----(?:\\[rn]|[\r\n\t ]|[A-Za-z0-9+/=:,-]){64,7000}?-----END [A-Z0-9 ]{0,24}?PRIVATE KEY(?: BLOCK)?-----/g,
    };
    const text = repeated("-----BEGIN PRIVATE KEY-----\n", SMALL);
    assert.ok(
      timed(text, quadratic) > 4 * timed(text, privateKey),
      "the old pattern must be measurably slower",
    );
  });
});
