import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startServer, type Handler, type TestServer } from "../../test/support/server.ts";
import { DEFAULT_LIMITS, HttpClient } from "./client.ts";

/** An SSE endpoint: one event at once, then the stream stays open (as MCP's SSE transport does). */
const endlessStream: Handler = (_req, res) => {
  res.writeHead(200, { "content-type": "text/event-stream" });
  res.write("event: endpoint\ndata: /messages?sessionId=abc\n\n");
};

describe("a probe's own shorter request time", () => {
  let server: TestServer;
  let client: HttpClient;
  before(async () => {
    server = await startServer(endlessStream);
    client = new HttpClient({ limits: DEFAULT_LIMITS, deadline: new AbortController().signal });
  });
  after(async () => {
    await client.close();
    await server.close();
  });

  it("cuts a never-ending stream at timeoutMs and keeps the first event", async () => {
    const exchange = await client.send({
      method: "GET",
      url: `${server.url}/sse`,
      probe: "test",
      timeoutMs: 300,
    });
    assert.equal(exchange.response?.status, 200);
    assert.equal(exchange.response?.truncated, "time");
    assert.match(Buffer.from(exchange.response.body).toString(), /^event: endpoint\ndata: \/messages/);
    // The scan's own limit is 15 s: the request ended on the probe's time, long before.
    assert.ok((exchange.response.elapsedMs ?? 0) < DEFAULT_LIMITS.requestTimeoutMs);
  });
});
