import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseSourceMap } from "./source-maps.ts";

const MAP = {
  version: 3,
  sources: ["src/a.ts", "src/b.ts"],
  sourcesContent: ['export const a = "x";\n', null],
  names: [],
  mappings: "AAAA",
};

describe("parseSourceMap", () => {
  it("reads a whole map: sources and the files it carries", () => {
    const parsed = parseSourceMap(JSON.stringify(MAP), false);
    assert.deepEqual(parsed?.sources, ["src/a.ts", "src/b.ts"]);
    assert.deepEqual(parsed?.contents, [{ path: "src/a.ts", text: 'export const a = "x";\n' }]);
  });

  it("accepts the XSSI prefix the format allows", () => {
    assert.ok(parseSourceMap(`)]}'\n${JSON.stringify(MAP)}`, false));
  });

  it("reads an index map's sections", () => {
    const index = { version: 3, sections: [{ offset: { line: 0, column: 0 }, map: MAP }] };
    assert.deepEqual(parseSourceMap(JSON.stringify(index), false)?.sources, MAP.sources);
  });

  it("reads the start of a map cut short by the size cap", () => {
    const whole = JSON.stringify({
      version: 3,
      sources: ["src/a.ts", "src/b.ts"],
      sourcesContent: ["first file", 'second \\" file that is long'],
      mappings: "AAAA",
    });
    const parsed = parseSourceMap(whole.slice(0, whole.indexOf("second") + 10), true);
    assert.equal(parsed?.truncated, true);
    assert.deepEqual(parsed?.contents, [{ path: "src/a.ts", text: "first file" }]);
  });

  for (const [name, text] of [
    ["an HTML shell", "<!doctype html><html></html>"],
    ["a JSON error", '{"error":"not found"}'],
    ["version 2", JSON.stringify({ ...MAP, version: 2 })],
    ["no mappings", JSON.stringify({ version: 3, sources: [] })],
  ] as const) {
    it(`refuses ${name}`, () => assert.equal(parseSourceMap(text, false), undefined));
  }

  it("reads a huge escaped string without exhausting the regex stack", () => {
    const text = `{"version":3,"sources":["a.js"],"sourcesContent":["${"a\\nb".repeat(500_000)}`;
    const parsed = parseSourceMap(text, true);
    assert.equal(parsed?.contents.length, 0);
    assert.deepEqual(parsed?.sources, ["a.js"]);
  });
});
