import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { failedRecord, type BatchSiteRecord } from "./batch-record.ts";
import { batchProgress, duration, progressBarText, siteLine } from "./batch-progress.ts";

const done: BatchSiteRecord = {
  ...failedRecord("https://a.test/", ""),
  status: "done",
  grade: "C",
  counts: { info: 1, low: 0, medium: 0, high: 2, critical: 0 },
  highest: "high",
  error: undefined,
};
delete (done as { error?: string }).error;

/** A stand-in for stderr that records what was written. */
function stream(isTTY: boolean) {
  const written: string[] = [];
  return {
    written,
    stream: { isTTY, columns: 100, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream,
  };
}

describe("batch progress", () => {
  it("shows counts, the rate of this run and the time left at that rate", () => {
    const text = progressBarText(
      { total: 200, done: 90, failed: 10, running: 8, finishedThisRun: 60, elapsedMs: 120_000 },
      120,
    );
    assert.match(
      text,
      /^\[#+-+\] 100\/200 · 90 done · 10 failed · 8 running · 30\.0 sites\/min · ETA 3m20s$/,
    );
    const half = text.indexOf("]");
    assert.equal(text.slice(1, half).replaceAll("-", "").length, (half - 1) / 2, "half the bar filled");
  });

  it("writes durations a person reads", () => {
    assert.equal(duration(12_400), "12s");
    assert.equal(duration(185_000), "3m05s");
    assert.equal(duration(3_720_000), "1h02m");
  });

  it("writes one plain line per finished site when stderr is not a terminal", () => {
    const out = stream(false);
    const progress = batchProgress(out.stream, { total: 3, done: 1, failed: 0 });
    progress.started();
    progress.finished(done);
    progress.finished(failedRecord("https://b.test/", "b.test refused the connection."));
    progress.close();
    assert.deepEqual(out.written, [
      "[2/3] done https://a.test/ grade C, 0 findings (2 high)\n",
      "[3/3] failed https://b.test/: b.test refused the connection.\n",
    ]);
  });

  it("redraws one line in place on a terminal", () => {
    const out = stream(true);
    let clock = 0;
    const progress = batchProgress(out.stream, { total: 2, done: 0, failed: 0 }, () => clock);
    progress.started();
    clock = 60_000;
    progress.finished(done);
    progress.close();
    assert.ok(
      out.written.every((s) => s.startsWith("\r\x1b[2K")),
      "each write returns to the line start",
    );
    assert.ok(out.written.some((s) => s.includes("1/2 · 1 done · 0 failed · 0 running · 1.0 sites/min")));
    assert.ok(!out.written.join("").includes("\n"), "no new lines on a terminal");
  });

  it("makes a site's text harmless on a terminal", () => {
    const line = siteLine(failedRecord("https://a.test/", "said \x1b[31mred\x1b[0m"), 1, 1);
    assert.doesNotMatch(line, /\x1b/);
  });
});
