import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { defineArtifact, defineProbeArtifact } from "../../src/core/artifact.ts";
import { stubCheck } from "../support/check-stub.ts";
import type { Finding } from "../../src/core/finding.ts";
import type { Stack } from "../../src/core/stack.ts";
import { STACK_WINDOW, stackChoiceSettled } from "../../src/artifacts/stack.ts";
import { startDemoSite } from "../../src/interfaces/demo/vulnerable-site.ts";
import type { ProgressEvent } from "../../src/engine/progress.ts";
import { settledChecks } from "../../src/engine/settled-checks.ts";
import type { Probe } from "../../src/probes/index.ts";
import { libraryCode, pageWithScripts } from "../fixtures/library/site.ts";
import { staticSite } from "../fixtures/exposure/sites.ts";
import { gate, heldEnvSite } from "../fixtures/sites/held-env.ts";
import { spaSite } from "../fixtures/sites/spa.ts";
import { wellConfiguredSite } from "../fixtures/sites/well-configured.ts";
import { scanFixture, FIXTURE_HOST } from "../support/scan-fixture.ts";
import { serverPool, type TestServer } from "../support/server.ts";
import { recorded } from "../tester/recording.ts";

const { serve } = serverPool();

function probe(name: string, after: string[], produces: Probe["produces"]): Probe {
  return { name, title: name, after, produces, run: async () => undefined };
}

const check = stubCheck;

describe("which checks have settled while the scan gathers", () => {
  const Page = defineProbeArtifact("t-page", () => 1);
  const Cors = defineProbeArtifact("t-cors", () => 2);
  const Handshakes = defineProbeArtifact("t-handshakes", () => 3);
  const Everything = defineArtifact("t-everything", (recording) => recording.exchanges.length);
  const probes = [
    probe("discovery", [], [Page, Everything]),
    probe("cors", ["discovery"], [Cors]),
    probe("transport", ["discovery"], []),
    probe("versions", ["transport"], [Handshakes]),
  ];
  const checks = [
    check("t.page", [Page]),
    check("t.cors", [{ kind: Cors, request: "x" }]),
    check("t.both", [Page, Cors]),
    check("t.handshakes", [Handshakes]),
    check("t.everything", [Page, Everything]),
  ];
  const settled = (...finished: string[]) =>
    settledChecks(checks, probes, new Set(finished)).map((c) => c.meta.id);

  it("a check is settled once the producer of every artifact it needs, and what that runs after, finished", () => {
    assert.deepEqual(settled(), []);
    assert.deepEqual(settled("discovery"), ["t.page"]);
    assert.deepEqual(settled("discovery", "cors"), ["t.page", "t.cors", "t.both"]);
    assert.deepEqual(settled("discovery", "cors", "transport", "versions"), [
      "t.page",
      "t.cors",
      "t.both",
      "t.handshakes",
    ]);
  });

  it("a producer whose `after` chain has not finished does not settle its artifacts", () => {
    assert.deepEqual(settled("versions"), []);
    assert.deepEqual(
      settled("discovery", "versions"),
      ["t.page"],
      "transport, which versions runs after, is not done",
    );
  });

  it("a kind read from the whole recording never settles while gathering: the end of the scan judges it", () => {
    assert.ok(!settled("discovery", "cors", "transport", "versions").includes("t.everything"));
    assert.equal(Everything.reads, "recording");
    assert.equal(Page.reads, "producer");
  });
});

describe("whether a partial recording already decides a check's stack", () => {
  const fixes = (...stacks: Stack[]) => Object.fromEntries(stacks.map((stack) => [stack, "fix"]));

  it("decided when a header already shows a stack the check has a fix for", () => {
    const recording = recorded()
      .page({ headers: { "x-powered-by": "Express" } })
      .build();
    assert.equal(stackChoiceSettled(recording, fixes("express", "nginx")), true);
    assert.equal(
      stackChoiceSettled(recording, fixes("nginx")),
      false,
      "a later exchange may still show nginx",
    );
  });

  it("undecided on a few silent exchanges; decided once the detection window is full and the page known", () => {
    const few = recorded().page({ headers: {} }).build();
    assert.equal(stackChoiceSettled(few, fixes("express")), false);
    const builder = recorded().page({ headers: {} });
    for (let i = 1; i < STACK_WINDOW; i++) builder.document(`/p${i}`, { headers: {} });
    assert.equal(stackChoiceSettled(builder.build(), fixes("express")), true);
  });
});

describe("findings stream as they are confirmed", () => {
  it("a finding of an earlier wave arrives while a later wave's answer is still held", async () => {
    const { released, release } = gate();
    const site = heldEnvSite(released);
    const server = await serve(site.handler);
    const envAnswered = site.envAnswered;
    const events: string[] = [];
    let whenStreamed: { envAnswered: boolean; events: string[] } | undefined;
    const report = await scanFixture(server, {
      only: ["library.known-vulnerable", "exposure.env-file"],
      onProgress: (event: ProgressEvent) => {
        events.push(event.type === "finding" ? `finding ${event.finding.id}` : event.type);
        if (event.type === "finding" && event.finding.id === "library.known-vulnerable" && !whenStreamed) {
          whenStreamed = { envAnswered: envAnswered(), events: [...events] };
          release();
        }
      },
    });
    assert.ok(whenStreamed, `no library finding streamed: ${events.join(", ")}`);
    assert.equal(whenStreamed.envAnswered, false, "the held /.env had not been answered yet");
    assert.ok(!whenStreamed.events.includes("judging"), "it came before gathering ended");
    assert.ok(envAnswered(), "the release let /.env answer");
    // The held answer was released by the streamed finding, and then judged at the end of the scan.
    assert.deepEqual(report.findings.map((finding) => finding.id).sort(), [
      "exposure.env-file",
      "library.known-vulnerable",
    ]);
    assert.ok(events.indexOf("finding library.known-vulnerable") < events.indexOf("judging"));
  });

  async function streamedScan(server: TestServer | { port: number }, host = FIXTURE_HOST) {
    const streamed: Array<{ finding: Finding; early: boolean }> = [];
    let judging = false;
    const report = await scanFixture(server as TestServer, {
      host,
      onProgress: (event) => {
        if (event.type === "judging") judging = true;
        if (event.type === "finding") streamed.push({ finding: event.finding, early: !judging });
      },
    });
    return { report, streamed };
  }

  const key = (finding: Finding) => `${finding.id} ${finding.url}`;

  it("on varied sites, the findings streamed are exactly the report's (ids and URLs, and whole findings)", async () => {
    const demo = await startDemoSite();
    try {
      const cases = [
        { name: "demo shop", server: demo, host: "shop.demo.test", someEarly: true },
        { name: "single-page app", server: await serve(spaSite), host: FIXTURE_HOST, someEarly: false },
        {
          name: "well-configured",
          server: await serve(wellConfiguredSite(() => "https://app.fixture.test")),
          host: FIXTURE_HOST,
          someEarly: false,
        },
        {
          name: "exposed files",
          server: await serve(
            staticSite({
              "/.env": { type: "text/plain", body: "DB_PASSWORD=hunter2-fixture-only\nSECRET_KEY=abc\n" },
              "/.git/config": {
                type: "text/plain",
                body: '[core]\n\trepositoryformatversion = 0\n[remote "origin"]\n\turl = https://example.invalid/repo.git\n',
              },
            }),
          ),
          host: FIXTURE_HOST,
          someEarly: false,
        },
      ];
      // The page and its script name no stack; every later answer says nginx. A library finding (settled by
      // discovery alone) must wait for that, or its fix and AI prompt would not be the report's.
      const behindNginx = await serve((req, res) => {
        if (req.url === "/")
          res.writeHead(200, { "content-type": "text/html" }).end(pageWithScripts(["/js/jquery.js"]));
        else if (req.url === "/js/jquery.js")
          res.writeHead(200, { "content-type": "text/javascript" }).end(libraryCode("jquery-1.12.4"));
        else res.writeHead(404, { "content-type": "text/plain", server: "nginx/1.25.3" }).end("Not Found");
      });
      cases.push({ name: "behind nginx", server: behindNginx, host: FIXTURE_HOST, someEarly: false });
      for (const site of cases) {
        const { report, streamed } = await streamedScan(site.server, site.host);
        assert.deepEqual(
          streamed.map(({ finding }) => key(finding)).sort(),
          report.findings.map(key).sort(),
          `${site.name}: ids and URLs`,
        );
        // Whole findings: evidence, curl lines, the AI prompt with its stack, all as the report has them.
        const byKey = new Map(report.findings.map((finding) => [key(finding), finding]));
        for (const { finding } of streamed)
          assert.deepStrictEqual(finding, byKey.get(key(finding)), site.name);
        if (site.name === "behind nginx") {
          const library = report.findings.find((finding) => finding.id === "library.known-vulnerable");
          assert.match(library?.aiPrompt ?? "", /My stack looks like nginx/);
        }
        if (site.someEarly)
          assert.ok(
            streamed.filter((entry) => entry.early).length >= 3,
            `${site.name}: findings arrive before judging starts`,
          );
      }
    } finally {
      await demo.close();
    }
  });
});
