import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Exchange } from "../core/exchange.ts";
import { sameAnswer } from "./soft-404.ts";

function answer(url: string, status: number, type: string, body: string): Exchange {
  return {
    id: 1,
    probe: "exposure",
    labels: {},
    request: { method: "GET", url, headers: [] },
    response: {
      status,
      statusText: "",
      headers: [["content-type", type]],
      body: new TextEncoder().encode(body),
      wireBytes: body.length,
      httpVersion: "1.1",
      elapsedMs: 1,
    },
    startedAt: "2024-01-01T00:00:00.000Z",
  };
}

describe("sameAnswer", () => {
  it("matches a 404 page that echoes the path", () => {
    assert.ok(
      sameAnswer(
        answer("https://a.test/.env", 200, "text/html", "<h1>Page /.env was not found</h1><p>req 812</p>"),
        answer(
          "https://a.test/amihackable-1",
          200,
          "text/html",
          "<h1>Page /amihackable-1 was not found</h1><p>req 9</p>",
        ),
      ),
    );
  });

  it("tells a real file from the catch-all page", () => {
    assert.ok(
      !sameAnswer(
        answer("https://a.test/.env", 200, "text/plain", "DATABASE_URL=postgres://x\nSECRET=y\n"),
        answer("https://a.test/amihackable-1", 200, "text/html", "<!doctype html><div id=root></div>"),
      ),
    );
  });

  it("needs the same status", () => {
    assert.ok(
      !sameAnswer(
        answer("https://a.test/x", 200, "text/plain", "ok"),
        answer("https://a.test/y", 404, "text/plain", "ok"),
      ),
    );
  });
});
