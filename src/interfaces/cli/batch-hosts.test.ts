import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { HostPoliteLine } from "./batch-hosts.ts";

describe("HostPoliteLine", () => {
  it("never hands out two sites of the same host at once, and lets other hosts pass", () => {
    const line = new HostPoliteLine(
      ["https://a.test/", "http://a.test:8080/x", "https://b.test/", "https://A.test/y"].map((url) => ({
        url,
      })),
    );
    const first = line.take();
    assert.equal(first?.url, "https://a.test/");
    assert.equal(line.take()?.url, "https://b.test/", "the second a.test site waits; b.test passes it");
    assert.equal(line.take(), undefined, "a.test is busy and nothing else waits");
    line.release(first);
    assert.equal(line.take()?.url, "http://a.test:8080/x");
    assert.equal(line.take(), undefined);
    assert.equal(line.waitingCount, 1);
  });
});
