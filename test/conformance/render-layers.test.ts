import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { pathToFileURL } from "node:url";

const SRC = new URL("../../src/", import.meta.url);

/** Every module specifier a folder's non-test files import, resolved against src/ ("reporters/html.ts"). */
function importsOf(folder: string): Array<{ file: string; target: string }> {
  const found: Array<{ file: string; target: string }> = [];
  for (const entry of readdirSync(new URL(`${folder}/`, SRC), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ts") || entry.name.endsWith(".test.ts")) continue;
    const path = pathToFileURL(join(entry.parentPath, entry.name));
    const source = readFileSync(path, "utf8");
    for (const [, specifier] of source.matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)) {
      const target = specifier!.startsWith(".")
        ? new URL(specifier!, path).href.slice(SRC.href.length)
        : specifier!;
      found.push({ file: path.href.slice(SRC.href.length), target });
    }
  }
  return found;
}

describe("rendering layers", () => {
  it("src/render imports only itself and packages, so every layer may use it", () => {
    const outside = importsOf("render").filter(
      ({ target }) => target.includes("/") && !target.startsWith("render/"),
    );
    assert.deepEqual(outside, []);
  });

  it("reporters import neither learn/ nor interfaces/", () => {
    const back = importsOf("reporters").filter(({ target }) => /^(?:learn|interfaces)\//.test(target));
    assert.deepEqual(back, []);
  });

  it("learn/ imports neither reporters/ nor interfaces/", () => {
    const back = importsOf("learn").filter(({ target }) => /^(?:reporters|interfaces)\//.test(target));
    assert.deepEqual(back, []);
  });

  it("web pages take the template from src/render", () => {
    const local = importsOf("interfaces/web").filter(
      ({ file, target }) => target === "interfaces/web/html.ts" && file !== "interfaces/web/html.ts",
    );
    assert.deepEqual(local, []);
  });
});
