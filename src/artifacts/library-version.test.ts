import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compareVersions, inRange, isVersion } from "./library-version.ts";

describe("library versions as the Retire.js data writes them", () => {
  it("orders releases numerically, a missing segment being 0", () => {
    assert.ok(compareVersions("1.12.4", "1.9.1") > 0);
    assert.ok(compareVersions("3.5.0", "3.4.1") > 0);
    assert.equal(compareVersions("1.2", "1.2.0"), 0);
    assert.ok(compareVersions("1.2.3.4", "1.2.3") > 0);
  });

  it("puts pre-releases below their release, whatever the spelling", () => {
    for (const pre of ["1.9.0b1", "1.9.0-rc1", "1.9.0-rc.1", "1.9.0-beta.2", "1.9.0.beta.3"]) {
      assert.ok(compareVersions(pre, "1.9.0") < 0, pre);
      assert.ok(compareVersions(pre, "1.8.9") > 0, pre);
    }
    assert.ok(compareVersions("3.0.RC3", "3.0.0") < 0);
    assert.ok(compareVersions("1.0RC2", "1.0") < 0);
    assert.ok(compareVersions("4.0.0-beta.2", "4.0.0-beta.10") < 0);
    assert.ok(compareVersions("3.0.0-alpha.1", "3.0.0-beta1") < 0);
    assert.ok(compareVersions("15.0.0-canary.206", "15.0.0-canary.99") > 0);
  });

  it("reads ranges as [atOrAbove, below)", () => {
    assert.ok(inRange("1.12.4", { below: "3.5.0" }));
    assert.ok(!inRange("3.5.0", { below: "3.5.0" }));
    assert.ok(inRange("3.0.0", { atOrAbove: "3.0.0", below: "3.4.0" }));
    assert.ok(!inRange("2.2.4", { atOrAbove: "3.0.0", below: "3.4.0" }));
    assert.ok(inRange("1.0.0", {}));
  });

  it("accepts what a version looks like and nothing else", () => {
    for (const version of ["1.12.4", "3", "1.2.3.4", "1.9.0b1", "4.0.0-beta.2", "3.0.RC3"])
      assert.ok(isVersion(version), version);
    for (const text of ["1.12.4.min", "latest", "v1.2", "1.2.3 ", "", "1".repeat(100)])
      assert.ok(!isVersion(text), text);
  });
});
