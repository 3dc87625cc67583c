import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { renderDiff } from "./diff-render.ts";
import { diffReports, type DiffableFinding } from "./report-diff.ts";

const finding = (id: string, url: string, extra: Partial<DiffableFinding> = {}): DiffableFinding => ({
  id,
  url,
  severity: "high",
  title: "A title",
  summary: "A summary",
  ...extra,
});

describe("diffReports", () => {
  it("matches findings by id and URL, whatever else changed, and orders the most severe first", () => {
    const diff = diffReports(
      [finding("a.one", "https://x.test/"), finding("b.two", "https://x.test/")],
      [
        finding("a.one", "https://x.test/", { summary: "worded differently this time" }),
        finding("c.low", "https://x.test/", { severity: "low" }),
        finding("c.crit", "https://x.test/", { severity: "critical" }),
        finding("a.one", "https://x.test/other"),
      ],
    );
    assert.deepEqual(
      diff.added.map((entry) => `${entry.id} ${entry.url}`),
      ["c.crit https://x.test/", "a.one https://x.test/other", "c.low https://x.test/"],
    );
    assert.deepEqual(
      diff.fixed.map((entry) => entry.id),
      ["b.two"],
    );
    assert.deepEqual(
      diff.unchanged.map((entry) => entry.id),
      ["a.one"],
    );
  });

  it("keeps a hostile title from breaking out of its Markdown table cell or injecting HTML", () => {
    const hostile = finding("x.y", "https://x.test/|a", {
      title: "<img src=x onerror=alert(1)> | [link](javascript:1)\nrow",
    });
    const markdown = renderDiff(diffReports([], [hostile]), "markdown");
    const row = markdown.split("\n").find((line) => line.includes("x.y"))!;
    assert.ok(!row.includes("<img"), row);
    assert.equal(row.split(/(?<!\\)\|/).length, 5, `four unescaped cell bars: ${row}`);
    assert.ok(!row.includes("](javascript"), row);
  });
});
