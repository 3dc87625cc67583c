import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { FORMATS } from "../../reporters/index.ts";
import { CLI_FORMATS } from "./formats.ts";

describe("the CLI's report formats", () => {
  it("are exactly the reporters' formats (written out so --help loads no reporter)", () => {
    assert.deepEqual([...CLI_FORMATS], [...FORMATS]);
  });
});
