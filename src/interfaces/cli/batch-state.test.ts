import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { failedRecord } from "./batch-record.ts";
import { BatchStateFile } from "./batch-state.ts";

describe("BatchStateFile", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "amihackable-state-"));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps every appended record across a reopen with resume", async () => {
    const file = path.join(dir, "a.state");
    const state = await BatchStateFile.open(file, false);
    await Promise.all(
      ["https://a.test/", "https://b.test/"].map((url) => state.append(failedRecord(url, "x."))),
    );
    await state.close();
    const resumed = await BatchStateFile.open(file, true);
    assert.deepEqual(
      resumed.finished.map((r) => r.url),
      ["https://a.test/", "https://b.test/"],
    );
    await resumed.close();
  });

  it("starts empty without resume, even over an earlier file", async () => {
    const file = path.join(dir, "b.state");
    writeFileSync(file, `${JSON.stringify(failedRecord("https://a.test/", "x."))}\n`);
    const state = await BatchStateFile.open(file, false);
    assert.equal(state.finished.length, 0);
    await state.close();
    assert.equal(readFileSync(file, "utf8"), "");
  });

  it("drops a record torn by a kill and trims the file so the next append is a whole line", async () => {
    const file = path.join(dir, "c.state");
    const whole = `${JSON.stringify(failedRecord("https://a.test/", "x."))}\n`;
    writeFileSync(file, `${whole}{"url":"https://b.te`);
    const state = await BatchStateFile.open(file, true);
    assert.deepEqual(
      state.finished.map((r) => r.url),
      ["https://a.test/"],
    );
    await state.append(failedRecord("https://c.test/", "y."));
    await state.close();
    const lines = readFileSync(file, "utf8").trimEnd().split("\n");
    assert.deepEqual(
      lines.map((line) => (JSON.parse(line) as { url: string }).url),
      ["https://a.test/", "https://c.test/"],
    );
  });

  it("ignores lines that are not records and a second record of the same site", async () => {
    const file = path.join(dir, "d.state");
    const record = JSON.stringify(failedRecord("https://a.test/", "x."));
    writeFileSync(file, `not json\n{"url":1}\n${record}\n${record}\n`);
    const state = await BatchStateFile.open(file, true);
    assert.equal(state.finished.length, 1);
    await state.close();
  });

  it("creates the file when resuming a batch that never started", async () => {
    const state = await BatchStateFile.open(path.join(dir, "new.state"), true);
    assert.equal(state.finished.length, 0);
    await state.close();
  });
});
