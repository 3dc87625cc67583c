import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, it } from "node:test";
import { CHECKS } from "../../src/checks/index.ts";
import { checkInput, needKind, type ArtifactKind } from "../../src/core/artifact.ts";
import type { Recording } from "../../src/core/recording.ts";
import { startDemoSite } from "../../src/interfaces/demo/vulnerable-site.ts";
import type { RecordedScan } from "../../src/engine/recording-file.ts";
import { producers } from "../../src/engine/plan.ts";
import { PROBES, type Probe } from "../../src/probes/index.ts";
import { libraryCode, pageWithScripts } from "../fixtures/library/site.ts";
import { staticSite } from "../fixtures/exposure/sites.ts";
import { scanFixture } from "../support/scan-fixture.ts";
import { serverPool, type TestServer } from "../support/server.ts";

/**
 * A kind declared with `defineProbeArtifact` promises to read only what its producer and the probes that
 * one runs after record, which is what lets a scan judge, and stream, the checks reading it before later
 * probes finish. This holds each promise to real scans: with every other probe's records taken out of the
 * recording, the kind is the same, and so is every check reading only such kinds.
 */
const { serve } = serverPool();
const byKind = producers(PROBES);
const byName = new Map(PROBES.map((probe) => [probe.name, probe]));

/** The probe and everything it runs after, transitively. */
function chain(probe: Probe, into = new Set<string>()): Set<string> {
  into.add(probe.name);
  for (const name of probe.after) if (!into.has(name)) chain(byName.get(name)!, into);
  return into;
}

/** The recording as only these probes would have left it. */
function onlyFrom(recording: Recording, probes: ReadonlySet<string>): Recording {
  return {
    ...recording,
    exchanges: recording.exchanges.filter((exchange) => probes.has(exchange.probe)),
    tls: new Map(),
    handshakes: (recording.handshakes ?? []).filter((handshake) => probes.has(handshake.probe)),
    dns: (recording.dns ?? []).filter((record) => probes.has(record.probe)),
  };
}

/** A comparable picture of an artifact: bodies by length and hash, functions by name. */
function picture(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item instanceof Uint8Array)
      return `bytes:${item.length}:${createHash("sha256").update(item).digest("hex")}`;
    if (item instanceof Map) return [...(item as Map<unknown, unknown>).entries()];
    if (item instanceof Set) return [...(item as Set<unknown>)];
    if (typeof item === "function") return `function ${item.name}`;
    return item;
  });
}

async function recordingOf(server: TestServer | { port: number }, host?: string): Promise<Recording> {
  let scan: RecordedScan | undefined;
  await scanFixture(server as TestServer, {
    ...(host ? { host } : {}),
    onRecorded: (recorded) => (scan = recorded),
  });
  assert.ok(scan);
  return scan.recording;
}

describe("artifacts declared as read from their producer alone", () => {
  it("are the same, and so are the checks reading them, without the other probes' records", async () => {
    const demo = await startDemoSite();
    const recordings: Recording[] = [];
    try {
      recordings.push(await recordingOf(demo, "shop.demo.test"));
      const library = await serve((req, res) => {
        if (req.url === "/")
          res
            .writeHead(200, { "content-type": "text/html", "set-cookie": "sid=1; Path=/" })
            .end(pageWithScripts(["/js/jquery.js"]));
        else if (req.url === "/js/jquery.js")
          res.writeHead(200, { "content-type": "text/javascript" }).end(libraryCode("jquery-1.12.4"));
        else
          // Every other answer sets a cookie too: a kind that reads every exchange's cookies is not the
          // documents probe's alone.
          staticSite(
            { "/.env": { type: "text/plain", body: "DB_PASSWORD=hunter2-fixture-only\n" } },
            (_req, notFound) =>
              notFound
                .writeHead(404, { "content-type": "text/plain", "set-cookie": "seen=1; Path=/" })
                .end("Not Found"),
          )(req, res);
      });
      recordings.push(await recordingOf(library));
    } finally {
      await demo.close();
    }

    const declared = [...byKind.entries()].filter(([kind]) => kind.reads === "producer");
    assert.ok(declared.length > 10, "most kinds are read from their producer alone");
    let compared = 0;
    for (const recording of recordings) {
      for (const [kind, producer] of declared) {
        const own = onlyFrom(recording, chain(producer));
        assert.equal(
          picture(kind.of(own)),
          picture(kind.of(recording)),
          `${kind.name} reads records of probes other than ${[...chain(producer)].join(", ")}`,
        );
      }
      for (const check of CHECKS) {
        const kinds: ArtifactKind[] = check.meta.needs.map(needKind);
        if (!kinds.every((kind) => kind.reads === "producer")) continue;
        const probes = new Set(kinds.flatMap((kind) => [...chain(byKind.get(kind)!)]));
        const own = onlyFrom(recording, probes);
        const judge = (r: Recording) =>
          picture(check.analyse(checkInput(r, check.meta.needs, check.meta.id)));
        assert.equal(
          judge(own),
          judge(recording),
          `${check.meta.id} judges differently without other probes' records`,
        );
        compared++;
      }
    }
    assert.ok(compared > 50, `${compared} checks compared`);
  });
});
