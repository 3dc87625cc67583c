import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import type { Report } from "../../src/engine/report.ts";
import { scanUrl } from "../support/scan-url.ts";
import { FIXTURE_HOST, scanFixture } from "../support/scan-fixture.ts";
import { startServer, type Handler, type TestServer } from "../support/server.ts";
import { loopbackOnly } from "./loopback.ts";

/** One sentence a person can act on: no stack trace, no OpenSSL error codes, no line breaks. */
function assertOneClearSentence(report: Report, pattern: RegExp): void {
  assert.equal(report.outcome, "unreachable");
  const failure = report.failure ?? "";
  assert.match(failure, pattern);
  assert.doesNotMatch(failure, /\n|\bat \w+ \(|node:internal|:error:[0-9A-F]{8}|ECONN|ENOTFOUND|UND_ERR/);
  assert.match(failure, /[.!?)]$/);
  assert.equal(report.issues[0]?.kind, "unreachable");
  assert.equal(report.issues[0]?.message, failure);
  assert.deepEqual(report.findings, [], "nothing is judged when nothing was fetched");
  assert.equal(report.summary.grade, "?");
}

/**
 * Clear errors: a target that cannot be scanned gives outcome "unreachable" and one sentence saying why,
 * for each way it can fail. DNS failure comes from an injected lookup: tests never resolve real names.
 */
describe("an unreachable target gets one clear sentence", { concurrency: true }, () => {
  const servers: TestServer[] = [];
  after(async () => Promise.all(servers.map((server) => server.close())));
  const serve = async (handler: Handler) => {
    const server = await startServer(handler);
    servers.push(server);
    return server;
  };

  it("a refused port", async () => {
    const server = await serve((_req, res) => res.end());
    await server.close();
    const report = await scanFixture(server, loopbackOnly());
    assertOneClearSentence(report, /refused the connection: nothing is listening there/);
  });

  it("a TLS failure (a plain-http server spoken to as https)", async () => {
    const server = await serve((_req, res) => res.end("plain"));
    const report = await scanFixture(server, { ...loopbackOnly(), scheme: "https" });
    assertOneClearSentence(report, /Could not set up HTTPS with .*did not answer in TLS/);
  });

  it("a redirect loop", async () => {
    const server = await serve((req, res) =>
      res.writeHead(302, { location: req.url === "/a" ? "/b" : "/a" }).end(),
    );
    const report = await scanFixture(server, { ...loopbackOnly(), path: "/a" });
    assertOneClearSentence(report, /redirects in a loop/);
    assert.ok(server.seen.length <= 6, "the loop was followed a bounded number of times");
  });

  it("a timeout (a server that accepts and never answers)", async () => {
    const server = await serve(() => undefined);
    const report = await scanFixture(server, { ...loopbackOnly(), limits: { headersTimeoutMs: 300 } });
    assertOneClearSentence(report, /did not answer in time/);
  });

  it("a name that does not resolve", async () => {
    const report = await scanUrl("https://no-such-site.example.test/", {
      lookup: async (host) => {
        throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
      },
    });
    assertOneClearSentence(report, /Could not find no-such-site\.example\.test: the name does not resolve/);
  });

  it("a flood of response headers on the page", async () => {
    const server = await serve((_req, res) => {
      for (let n = 0; n < 10_000; n++) res.setHeader(`x-flood-${n}`, "value");
      res.end("ok");
    });
    const report = await scanFixture(server, loopbackOnly());
    assertOneClearSentence(report, /response headers were larger than 64 KiB/);
  });

  it("an address the server-mode guard refuses", async () => {
    const server = await serve((_req, res) => res.end("ok"));
    const report = await scanFixture(server, {
      guard: { check: (address, host) => `${host} resolves to ${address}, which is not allowed` },
      allowNonDefaultPorts: true,
    });
    assertOneClearSentence(report, new RegExp(`Refused to scan ${FIXTURE_HOST.replace(/\./g, "\\.")}`));
    assert.match(report.failure ?? "", /operator can allow an address with AMIHACKABLE_ALLOW_ADDRESSES/);
    assert.equal(server.seen.length, 0);
  });

  it("a port the server-mode rule refuses names the setting that allows it", async () => {
    const server = await serve((_req, res) => res.end("ok"));
    const report = await scanFixture(server, { allowNonDefaultPorts: false });
    assertOneClearSentence(report, /port \d+ is not a default web port/);
    assert.match(report.failure ?? "", /AMIHACKABLE_ALLOW_NON_DEFAULT_PORTS=1/);
    assert.equal(server.seen.length, 0);
  });
});
