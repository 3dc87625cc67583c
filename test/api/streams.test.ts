import assert from "node:assert/strict";
import http from "node:http";
import { describe, it } from "node:test";
import { gate, heldEnvSite } from "../fixtures/sites/held-env.ts";
import { startServer } from "../support/server.ts";
import { loopbackScanning, readEvents, startApp } from "./app-harness.ts";

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

  it("a finding reaches the event stream while a later probe's answer is still held, before done", async () => {
    const { released, release } = gate();
    const site = heldEnvSite(released);
    const target = await startServer(site.handler);
    const server = await startApp({ config: loopbackScanning() });
    try {
      const created = await server.postScan({
        url: `http://127.0.0.1:${target.port}/`,
        options: { only: ["library.known-vulnerable", "exposure.env-file"], budget: 100, timeout: 30 },
      });
      assert.equal(created.status, 202);
      const { id } = (await created.json()) as { id: string };
      let envAnsweredAtFinding: boolean | undefined;
      const events = await readEvents(`${server.url}/api/v1/scans/${id}/events`, (seen) => {
        // The held /.env answers only once the stream has carried a finding: the test waits on nothing else.
        if (envAnsweredAtFinding === undefined && seen.some((event) => event.event === "finding")) {
          envAnsweredAtFinding = site.envAnswered();
          release();
        }
        return false;
      });
      const names = events.map((event) => event.event);
      const first = names.indexOf("finding");
      assert.ok(first >= 0, names.join(","));
      assert.equal(envAnsweredAtFinding, false, "the finding came while /.env was still held");
      assert.equal((events[first]!.data as { id: string }).id, "library.known-vulnerable");
      const judgingFrom = events.findIndex((event) => (event.data as { probe?: string }).probe === "judging");
      assert.ok(judgingFrom === -1 || first < judgingFrom, "it came before gathering ended");
      assert.ok(first < names.indexOf("done"), names.join(","));
      assert.equal(names.at(-1), "done");

      // The report has what the stream carried, and the answer the release let through.
      const done = (await (await server.fetch(`/api/v1/scans/${id}`)).json()) as {
        report: { findings: Array<{ id: string; url: string }> };
      };
      const streamed = events
        .filter((event) => event.event === "finding")
        .map((event) => event.data as { id: string; url: string });
      assert.deepEqual(
        streamed.map((finding) => `${finding.id} ${finding.url}`).sort(),
        done.report.findings.map((finding) => `${finding.id} ${finding.url}`).sort(),
      );
      assert.ok(site.envAnswered());
      assert.ok(done.report.findings.some((finding) => finding.id === "exposure.env-file"));
    } finally {
      release();
      await server.close();
      await target.close();
    }
  });
});
