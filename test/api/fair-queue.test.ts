import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { startApp } from "./app-harness.ts";
import { fakeReport } from "./fake-report.ts";

/** Clients are told apart by X-Forwarded-For here (trustProxy), as behind a real reverse proxy. */
function as(client: string) {
  return { "content-type": "application/json", "x-forwarded-for": client };
}

describe("a fair queue", () => {
  it("puts a newcomer's scan ahead of another client's backlog, and says so in its position", async () => {
    const server = await startApp({ paused: true, config: { trustProxy: true } });
    try {
      const post = (client: string, url: string) =>
        server.fetch("/api/v1/scans", { method: "POST", headers: as(client), body: JSON.stringify({ url }) });
      for (const path of ["a", "b", "c"])
        assert.equal((await post("203.0.113.1", `https://busy.example/${path}`)).status, 202);
      const newcomer = await post("203.0.113.2", "https://other.example/");
      assert.equal(newcomer.status, 202);
      const body = (await newcomer.json()) as { position: number | null };
      assert.equal(body.position, 2, "after the busy client's first scan, before its second");
    } finally {
      await server.close();
    }
  });

  it("refuses a client's scans past its share of the line (429 too_many_waiting), not another's", async () => {
    const server = await startApp({ paused: true, config: { trustProxy: true, maxWaitingPerClient: 2 } });
    try {
      const post = (client: string, url: string) =>
        server.fetch("/api/v1/scans", { method: "POST", headers: as(client), body: JSON.stringify({ url }) });
      assert.equal((await post("203.0.113.1", "https://a.example/1")).status, 202);
      assert.equal((await post("203.0.113.1", "https://a.example/2")).status, 202);
      const third = await post("203.0.113.1", "https://a.example/3");
      assert.equal(third.status, 429);
      assert.equal(((await third.json()) as { error: { code: string } }).error.code, "too_many_waiting");
      assert.equal((await post("203.0.113.2", "https://b.example/")).status, 202);
    } finally {
      await server.close();
    }
  });

  for (const [reuseSeconds, reused] of [
    [60, true],
    [0, false],
  ] as const) {
    it(`${reused ? "serves" : "does not serve"} a scan finished moments ago with reuseSeconds ${reuseSeconds}`, async () => {
      const server = await startApp({
        runner: async (record) => fakeReport(record.url),
        config: { reuseSeconds },
      });
      try {
        const first = (await (await server.postScan({ url: "https://done.example/" })).json()) as {
          id: string;
        };
        await server.app.services.queue.idle();
        const again = (await (await server.postScan({ url: "https://done.example/" })).json()) as {
          id: string;
        };
        assert.equal(again.id === first.id, reused);
      } finally {
        await server.close();
      }
    });
  }

  it("joins a scan of the same URL and options instead of running it twice", async () => {
    const server = await startApp({ paused: true, config: { reuseSeconds: 60 } });
    try {
      const first = (await (await server.postScan({ url: "https://same.example/" })).json()) as {
        id: string;
      };
      const again = (await (await server.postScan({ url: "https://same.example/" })).json()) as {
        id: string;
      };
      const other = (await (
        await server.postScan({ url: "https://same.example/", options: { only: ["cors"] } })
      ).json()) as { id: string };
      assert.equal(again.id, first.id);
      assert.notEqual(other.id, first.id, "other options are another scan");
      assert.equal(server.app.services.queue.waitingCount, 2);
    } finally {
      await server.close();
    }
  });
});
