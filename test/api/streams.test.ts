import assert from "node:assert/strict";
import http from "node:http";
import { describe, it } from "node:test";
import { startApp } from "./app-harness.ts";

/** Opens an event stream on a raw socket and resolves with its status once the headers arrive. */
function openStream(port: number, path: string): Promise<{ status: number; close: () => void }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, path, agent: false }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, close: () => req.destroy() });
    });
    req.on("error", reject);
  });
}

describe("event streams", () => {
  it("one client cannot hold every stream slot: past its own cap it is refused, others are not affected", async () => {
    // Paused: the scan stays queued, so every stream stays open.
    const server = await startApp({ paused: true });
    const opened: Array<{ close: () => void }> = [];
    try {
      const response = await server.postScan({ url: "https://example.com/" });
      assert.equal(response.status, 202);
      const { id } = (await response.json()) as { id: string };
      const path = `/api/v1/scans/${id}/events`;
      const { maxPerClient } = server.app.services.streams;
      for (let i = 0; i < maxPerClient; i++) {
        const stream = await openStream(server.port, path);
        opened.push(stream);
        assert.equal(stream.status, 200);
      }
      const refused = await openStream(server.port, path);
      opened.push(refused);
      assert.equal(refused.status, 429);
      assert.ok(server.app.services.streams.open < server.app.services.streams.max);
    } finally {
      for (const stream of opened) stream.close();
      await server.close();
    }
  });
});
