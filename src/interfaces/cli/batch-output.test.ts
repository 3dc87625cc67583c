import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { BatchOutput, OutputPathError } from "./batch-output.ts";
import { failedRecord } from "./batch-record.ts";

describe("BatchOutput", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "amihackable-output-"));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const a = failedRecord("https://a.test/", "x.");
  const b = failedRecord("https://b.test/", "y.");

  it("writes the earlier runs' records first, so a resumed output holds each site once", async () => {
    const file = path.join(dir, "out.jsonl");
    // What an earlier run left: a, and half a line of b when it was killed.
    writeFileSync(file, `${JSON.stringify(a)}\n{"url":"https://b.te`);
    const output = await BatchOutput.open(file, "jsonl", process.stdout);
    await output.begin([a]);
    await output.add(b);
    await output.finish(() => "");
    const urls = readFileSync(file, "utf8")
      .trimEnd()
      .split("\n")
      .map((line) => (JSON.parse(line) as { url: string }).url);
    assert.deepEqual(urls, ["https://a.test/", "https://b.test/"]);
  });

  it("writes SARIF whole at the end", async () => {
    const file = path.join(dir, "out.sarif");
    const output = await BatchOutput.open(file, "sarif", process.stdout);
    await output.begin([]);
    await output.add(a);
    assert.equal(readFileSync(file, "utf8"), "", "nothing before the end");
    await output.finish(() => "{}\n");
    assert.equal(readFileSync(file, "utf8"), "{}\n");
  });

  it("says in one sentence why a path cannot be written, before anything runs", async () => {
    await assert.rejects(
      BatchOutput.open(path.join(dir, "no-such-folder", "out.csv"), "csv", process.stdout),
      (error: unknown) =>
        error instanceof OutputPathError &&
        /^cannot write to .*out\.csv: its folder does not exist\.$/.test(error.message),
    );
    await assert.rejects(
      BatchOutput.open(dir, "sarif", process.stdout),
      /cannot write to .*: it is a folder\./,
    );
  });
});
