import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { assessLibrary } from "./library-advisories.ts";
import { endOfLifeLine } from "./library-end-of-life.ts";
import { mandatoryLiteral, planPattern } from "./pattern-anchor.ts";
import { compileRepository, retireRepository } from "./retire-repository.ts";
import { librariesInCode, librariesInUrl } from "./served-libraries.ts";

const DATA = JSON.parse(
  readFileSync(new URL("../../third-party/retirejs/jsrepository-v4.json", import.meta.url), "utf8"),
) as Record<string, never>;

describe("the shipped Retire.js repository", () => {
  it("compiles every pattern it uses", () => {
    const rejected = new Set<string>();
    const repository = compileRepository(DATA, rejected);
    assert.deepEqual([...rejected], []);
    assert.ok(repository.rules.length >= 70);
    assert.ok(repository.rules.some((rule) => rule.library === "jquery" && rule.content.length > 5));
  });

  it("gives every spanning content pattern a literal to run near", () => {
    for (const rule of retireRepository().rules) {
      for (const { pattern, plan } of [...rule.content, ...rule.contentReplace]) {
        if (plan.reach === 0) continue;
        // Spanning patterns without a literal must at least start with one (they then cannot backtrack far).
        if (plan.anchor === undefined)
          assert.match(pattern.source, /^\\\/\\\*/, `${rule.library}: ${pattern.source}`);
      }
    }
  });

  it("finds a pattern's mandatory literal, or none when it alternates at the top", () => {
    assert.equal(mandatoryLiteral('[^a-z]f="(V)",.*[^a-z]jquery:f,'), "jquery:f,");
    assert.equal(mandatoryLiteral("'(V)'[^\\n]{0,8000}Vue compiler"), "Vue compiler");
    assert.equal(mandatoryLiteral("a|bcdefgh"), undefined);
    assert.equal(mandatoryLiteral("(?:jQuery UI Dialog )?abc"), undefined);
    assert.deepEqual(
      planPattern("/\\*! jQuery v(V)"),
      { anchor: "/*! jQuery v", reach: 0 },
      "linear: no window",
    );
  });

  it("reads a version from CDN URLs and file names, never a range or a cut version", () => {
    const repository = retireRepository();
    const seen = (url: string) =>
      librariesInUrl(repository, url).map((item) => `${item.library}@${item.version}`);
    assert.deepEqual(seen("https://code.jquery.com/jquery-1.12.4.min.js"), ["jquery@1.12.4"]);
    assert.deepEqual(seen("https://cdnjs.cloudflare.com/ajax/libs/jquery/1.12.4/jquery.min.js"), [
      "jquery@1.12.4",
    ]);
    assert.deepEqual(seen("https://unpkg.com/lodash@4.17.15/lodash.min.js"), ["lodash@4.17.15"]);
    assert.deepEqual(seen("https://ajax.googleapis.com/ajax/libs/jquery/1.8/jquery.min.js"), []);
    assert.deepEqual(seen("https://cdn.jsdelivr.net/npm/jquery@3/dist/jquery.min.js"), []);
    assert.deepEqual(seen("https://cdn.jsdelivr.net/npm/jquery@latest/dist/jquery.min.js"), []);
  });

  it("reads the banner of a bundle, and stays quick on a bundle built to make patterns backtrack", () => {
    const repository = retireRepository();
    const found = librariesInCode(repository, "/*! jQuery v1.12.4 | (c) jQuery Foundation */\n!function(){}");
    assert.deepEqual([...new Set(found.map((item) => `${item.library}@${item.version}`))], ["jquery@1.12.4"]);
    // Minutes of backtracking before pattern-anchor.ts; the figure is in `npm run bench -- library`.
    const hostile = '[f="1.2.3",'.repeat(20_000);
    assert.deepEqual(librariesInCode(repository, hostile), []);
  });

  it("assesses versions: fixes, sentinels and end-of-life notices", () => {
    assert.equal(assessLibrary("jquery", "1.12.4")?.fixedIn, "3.5.0");
    assert.equal(assessLibrary("jquery", "3.7.1"), undefined);
    assert.equal(assessLibrary("angularjs", "1.7.9")?.fixedIn, undefined);
    assert.equal(assessLibrary("lodash", "4.18.1"), undefined);
    // jQuery 2.2.4's only "vulnerability" beyond the CVEs is the end-of-life notice: not counted as one.
    const jquery224 = assessLibrary("jquery", "2.2.4");
    assert.ok(jquery224?.advisories.every((advisory) => !/end-of-life/i.test(advisory.summary)));
    assert.ok(jquery224?.advisories.some((advisory) => advisory.ids.includes("CVE-2020-11022")));
    assert.equal(endOfLifeLine("jquery", "2.2.4")?.line, "jQuery 1.x and 2.x");
    assert.equal(endOfLifeLine("jquery", "3.0.0"), undefined);
    assert.equal(endOfLifeLine("moment.js", "2.29.4"), undefined);
  });
});
