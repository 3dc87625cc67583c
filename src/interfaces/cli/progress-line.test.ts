import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Finding } from "../../core/index.ts";
import { progressLine } from "./progress-line.ts";

/** A stream that says it is a terminal, and keeps what was written. */
function terminal(): { stream: NodeJS.WriteStream; written: () => string } {
  let text = "";
  const stream = {
    isTTY: true,
    columns: 100,
    write: (chunk: string) => {
      text += chunk;
      return true;
    },
  } as unknown as NodeJS.WriteStream;
  return { stream, written: () => text };
}

const finding = {
  id: "exposure.env-file",
  title: "The .env file is public\u001b]0;owned\u0007",
  severity: "critical",
} as Finding;

describe("progressLine", () => {
  it("prints each finding on its own line as it is confirmed, and counts them in the status", () => {
    const { stream, written } = terminal();
    const progress = progressLine(stream);
    progress.onProgress({ type: "probe-start", probe: "exposure", title: "Looking for exposed files" });
    progress.onProgress({ type: "finding", finding });
    progress.onProgress({ type: "probe-end", probe: "exposure" });
    const text = written();
    assert.match(
      text,
      /\r\x1b\[2KCRITICAL +The \.env file is public\\u001b\]0;owned\\u0007 \[exposure\.env-file\]\n/,
    );
    assert.ok(!text.includes("\u0007"), "a title's control characters are escaped");
    assert.match(text, /Looking for exposed files · 1 found$/);
  });

  it("writes nothing when stderr is not a terminal (CI logs stay clean)", () => {
    const { stream, written } = terminal();
    Object.assign(stream, { isTTY: false });
    progressLine(stream).onProgress({ type: "finding", finding });
    assert.equal(written(), "");
  });
});
