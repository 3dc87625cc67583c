import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import type { Report } from "../../src/engine/report.ts";
import { scanUrl } from "../support/scan-url.ts";
import { publicOnlyGuard } from "../../src/http/address-policy.ts";
import { startApp } from "../api/app-harness.ts";

/**
 * Server mode scans URLs typed by strangers, so the address guard must refuse every non-public address
 * before a byte is sent. These tests stand in for DNS with the scan's `lookup` option and prove each
 * refusal on a loopback server that counts connections. Addresses outside loopback are never contacted:
 * each is first shown to be refused by the guard itself, and the loopback cases run first, so a
 * connector that skipped the guard would fail on loopback before any other address is tried.
 */

interface Recorder {
  port: number;
  connections: number;
  requests: string[];
  close(): Promise<void>;
}

async function startRecorder(handler?: http.RequestListener): Promise<Recorder> {
  const recorder: Recorder = { port: 0, connections: 0, requests: [], close: async () => undefined };
  const server = http.createServer((req, res) => {
    recorder.requests.push(`${req.method} ${req.headers.host} ${req.url}`);
    if (handler) handler(req, res);
    else res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>ok</title>");
  });
  server.on("connection", () => recorder.connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  recorder.port = (server.address() as AddressInfo).port;
  recorder.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return recorder;
}

/** A resolver from a table; records every name asked. */
function tableLookup(table: Record<string, string[] | (() => string[])>) {
  const asked: string[] = [];
  const lookup = async (host: string): Promise<string[]> => {
    asked.push(host);
    const entry = table[host];
    if (!entry) throw Object.assign(new Error(`no test address for ${host}`), { code: "ENOTFOUND" });
    return typeof entry === "function" ? entry() : entry;
  };
  return { lookup, asked };
}

function pageError(report: Report): string | undefined {
  return report.issues.find((issue) => issue.kind === "unreachable")?.message;
}

const REFUSED = [
  "127.0.0.1",
  "::ffff:127.0.0.1",
  "::1",
  "10.0.0.1",
  "172.16.0.1",
  "192.168.1.1",
  "169.254.169.254",
  "100.64.0.1",
  "fc00::1",
  "fe80::1",
  "::ffff:10.0.0.1",
  "224.0.0.1",
  "0.0.0.0",
  "::",
  "240.0.0.1",
  "198.18.0.1",
  "192.0.2.1",
  "255.255.255.255",
  "64:ff9b::a00:1",
  "2002:a00:1::",
  // IPv4-compatible IPv6 (deprecated ::/96) of loopback and the metadata address; ipaddr.js calls it unicast.
  "::7f00:1",
  "::a9fe:a9fe",
  // Outside global unicast 2000::/3: not routed on the internet.
  "4000::1",
] as const;

describe("server-mode address guard (SSRF)", () => {
  let recorder: Recorder;
  before(async () => {
    recorder = await startRecorder();
  });
  after(async () => recorder.close());

  it("refuses a name resolving to any non-public address before connecting", async () => {
    const guard = publicOnlyGuard();
    const table: Record<string, string[]> = {};
    REFUSED.forEach((address, index) => (table[`host${index}.test`] = [address]));
    const { lookup, asked } = tableLookup(table);
    for (const [index, address] of REFUSED.entries()) {
      assert.ok(guard.check(address, "x"), `the guard itself must refuse ${address}`);
      const name = `host${index}.test`;
      const report = await scanUrl(`http://${name}:${recorder.port}/`, {
        guard,
        allowNonDefaultPorts: true,
        lookup,
        only: ["cors"],
        timeoutMs: 10_000,
      });
      assert.equal(recorder.connections, 0, `${address}: a connection reached the loopback server`);
      assert.ok(asked.includes(name), `${address}: the name was resolved`);
      assert.equal(report.outcome, "unreachable", address);
      assert.match(pageError(report) ?? "", /must not reach/, address);
      assert.ok(report.requests.sent <= 1);
    }
  });

  it("refuses when any one of the answers is non-public (the allowlisted loopback stands in for public)", async () => {
    const guard = publicOnlyGuard(["127.0.0.1"]);
    assert.ok(guard.check("10.0.0.1", "x"));
    const { lookup } = tableLookup({ "mixed.test": ["127.0.0.1", "10.0.0.1"] });
    const report = await scanUrl(`http://mixed.test:${recorder.port}/`, {
      guard,
      allowNonDefaultPorts: true,
      lookup,
    });
    assert.equal(report.outcome, "unreachable");
    assert.equal(recorder.connections, 0);
  });

  it("refuses bare address URLs, decimal and hex forms included", async () => {
    const guard = publicOnlyGuard();
    for (const [url, address] of [
      ["http://169.254.169.254/latest/meta-data/", "169.254.169.254"],
      ["http://[::1]/", "::1"],
      ["http://2130706433/", "127.0.0.1"],
      ["http://0x7f.1/", "127.0.0.1"],
      ["http://[::ffff:a00:1]/", "::ffff:10.0.0.1"],
      ["http://[::7f00:1]/", "::7f00:1"],
    ] as const) {
      assert.ok(guard.check(address, "x"), `the guard itself must refuse ${address}`);
      const { lookup, asked } = tableLookup({});
      const report = await scanUrl(url, { guard, lookup, only: ["cors"], timeoutMs: 10_000 });
      assert.equal(report.outcome, "unreachable", url);
      assert.match(pageError(report) ?? "", /must not reach/, url);
      assert.deepEqual(asked, [], "an address needs no lookup");
    }
    assert.equal(recorder.connections, 0);
  });

  it("refuses explicit non-default ports (http://x:22) before even resolving the name", async () => {
    const guard = publicOnlyGuard(["127.0.0.1"]);
    const { lookup, asked } = tableLookup({ "ssh.test": ["127.0.0.1"] });
    for (const url of [
      "http://ssh.test:22/",
      `http://ssh.test:${recorder.port}/`,
      "https://ssh.test:8443/",
    ]) {
      const report = await scanUrl(url, { guard, lookup, only: ["cors"] });
      assert.equal(report.outcome, "unreachable", url);
      assert.match(pageError(report) ?? "", /not a default web port/, url);
    }
    assert.deepEqual(asked, []);
    assert.equal(recorder.connections, 0);
  });

  it("refuses a redirect from an allowed site to a private address", async () => {
    const redirector = await startRecorder((_req, res) => {
      res.writeHead(302, { location: "http://internal.test/admin" }).end();
    });
    try {
      const guard = publicOnlyGuard(["127.0.0.1"]);
      assert.ok(guard.check("10.0.0.1", "internal.test"));
      const { lookup, asked } = tableLookup({ "app.test": ["127.0.0.1"], "internal.test": ["10.0.0.1"] });
      const report = await scanUrl(`http://app.test:${redirector.port}/`, {
        guard,
        allowNonDefaultPorts: true,
        lookup,
        only: ["cors"],
      });
      assert.ok(asked.includes("internal.test"));
      assert.equal(report.outcome, "unreachable");
      assert.match(pageError(report) ?? "", /internal\.test.*10\.0\.0\.1/);
      assert.ok(redirector.requests.length >= 1, "the allowed site was reached");
      assert.ok(redirector.requests.every((line) => line.includes("app.test")));
    } finally {
      await redirector.close();
    }
  });

  it("resolves once per connection and refuses a name that turns private on a later answer (DNS rebinding)", async () => {
    // Connection: close makes every request open a new connection, so every request resolves again.
    const site = await startRecorder((_req, res) => {
      res
        .writeHead(200, { "content-type": "text/html", connection: "close" })
        .end('<!doctype html><title>x</title><script src="/app.js"></script>');
    });
    try {
      const guard = publicOnlyGuard(["127.0.0.1"]);
      assert.ok(guard.check("10.0.0.1", "rebind.test"));
      let answers = 0;
      const { lookup } = tableLookup({
        "rebind.test": () => (answers++ === 0 ? ["127.0.0.1"] : ["10.0.0.1"]),
      });
      const report = await scanUrl(`http://rebind.test:${site.port}/`, {
        guard,
        allowNonDefaultPorts: true,
        lookup,
        only: ["cors"],
      });
      assert.ok(answers >= 2, "later requests resolved the name again");
      assert.equal(site.connections, 1, "only the first (allowed) answer was connected to");
      assert.equal(site.requests.length, 1);
      assert.ok(report.requests.failed >= 1);
      assert.ok(
        report.issues.some(
          (issue) => issue.kind === "request-failed" && /blocked-address/.test(issue.message),
        ),
      );
    } finally {
      await site.close();
    }
  });

  it("the CLI (no guard) still scans localhost", async () => {
    const site = await startRecorder();
    try {
      const report = await scanUrl(`http://127.0.0.1:${site.port}/`, { only: ["cors"] });
      assert.notEqual(report.outcome, "unreachable");
      assert.ok(site.connections >= 1);
    } finally {
      await site.close();
    }
  });

  it("the server passes the guard to every scan: a name that resolves to loopback is refused", async () => {
    const server = await startApp({
      dnsTable: { "sneaky.test": ["127.0.0.1"] },
      config: { allowNonDefaultPorts: true },
    });
    try {
      const response = await server.postScan({ url: `http://sneaky.test:${recorder.port}/` });
      assert.equal(response.status, 202);
      const { id } = (await response.json()) as { id: string };
      await server.app.services.queue.idle();
      const stored = (await server.app.services.store.get(id))!;
      assert.equal(stored.report?.outcome, "unreachable");
      assert.match(stored.report?.failure ?? "", /loopback/);
      assert.equal(recorder.connections, 0);
    } finally {
      await server.close();
    }
  });
});
