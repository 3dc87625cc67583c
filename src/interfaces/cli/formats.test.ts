import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DIFF_FORMATS, FORMATS } from "../../reporters/index.ts";
import { CLI_FORMATS, DIFF_FORMAT_CHOICES } from "./formats.ts";

describe("the CLI's report formats", () => {
  it("are exactly the reporters' formats (written out so --help loads no reporter)", () => {
    assert.deepEqual([...CLI_FORMATS], [...FORMATS]);
  });

  it("diff's formats are exactly the diff renderer's", () => {
    assert.deepEqual([...DIFF_FORMAT_CHOICES], [...DIFF_FORMATS]);
  });
});
