import assert from "node:assert/strict";
import net from "node:net";
import { after, before, describe, it } from "node:test";
import { testCa } from "../../test/support/certificates.ts";
import { CLOSED_PORT, startHttpsServer } from "../../test/support/https-site.ts";
import type { TestServer } from "../../test/support/server.ts";
import { publicOnlyGuard } from "./address-policy.ts";
import { DEFAULT_LIMITS, HttpClient, type HttpClientOptions } from "./client.ts";
import { parseOverride } from "./resolve-override.ts";

const HOST = "tls.fixture.test";

describe("HttpClient.handshake", () => {
  const leaf = testCa().issue({ names: [HOST] });
  let legacy: TestServer;
  let modern: TestServer;
  before(async () => {
    legacy = await startHttpsServer((_req, res) => res.end("ok"), {
      ...leaf,
      minVersion: "TLSv1",
      ciphers: "DEFAULT@SECLEVEL=0",
    });
    modern = await startHttpsServer((_req, res) => res.end("ok"), leaf);
  });
  after(async () => Promise.all([legacy.close(), modern.close()]));

  const client = (port: number, options: Partial<HttpClientOptions> = {}) =>
    new HttpClient({
      limits: DEFAULT_LIMITS,
      deadline: new AbortController().signal,
      overrides: [parseOverride(`${HOST}:443:127.0.0.1:${port}`)],
      ...options,
    });

  it("completes a TLS 1.0 handshake with a server that still accepts it, through the resolve pin", async () => {
    const http = client(legacy.port);
    const record = await http.handshake({ origin: `https://${HOST}`, version: "TLSv1", probe: "test" });
    assert.equal(record.outcome, "accepted", JSON.stringify(record));
    assert.equal(record.protocol, "TLSv1");
    assert.ok(record.cipher);
    assert.equal(record.remoteAddress, "127.0.0.1");
    assert.equal(http.requestsSent, 1);
    assert.deepEqual(http.handshakes, [record]);
    assert.equal(http.exchanges.length, 0, "a handshake is not an HTTP exchange");
  });

  it("records a server that refuses TLS 1.1 as declined", async () => {
    const record = await client(modern.port).handshake({
      origin: `https://${HOST}`,
      version: "TLSv1.1",
      probe: "test",
    });
    assert.equal(record.outcome, "declined", JSON.stringify(record));
    assert.equal(record.error?.code, "tls");
  });

  it("records a refused connection as failed, not declined", async () => {
    const record = await client(CLOSED_PORT).handshake({
      origin: `https://${HOST}`,
      version: "TLSv1",
      probe: "test",
    });
    assert.equal(record.outcome, "failed");
    assert.equal(record.error?.code, "refused");
  });

  it("goes through the address guard: a loopback address is refused without connecting", async () => {
    let connections = 0;
    const counter = net.createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => counter.listen(0, "127.0.0.1", resolve));
    const port = (counter.address() as net.AddressInfo).port;
    try {
      const record = await client(port, { guard: publicOnlyGuard() }).handshake({
        origin: `https://${HOST}`,
        version: "TLSv1",
        probe: "test",
      });
      assert.equal(record.outcome, "failed");
      assert.equal(record.error?.code, "blocked-address");
      assert.equal(connections, 0);
    } finally {
      await new Promise<void>((resolve) => counter.close(() => resolve()));
    }
  });

  it("counts against the budget and refuses past it", async () => {
    const http = client(legacy.port, { limits: { ...DEFAULT_LIMITS, budget: 1 } });
    const first = await http.handshake({ origin: `https://${HOST}`, version: "TLSv1", probe: "test" });
    const second = await http.handshake({ origin: `https://${HOST}`, version: "TLSv1.1", probe: "test" });
    assert.equal(first.outcome, "accepted");
    assert.equal(second.outcome, "failed");
    assert.equal(second.error?.code, "budget");
    assert.equal(http.requestsSent, 1);
    assert.equal(http.budgetExhausted, true);
  });

  it("sends nothing once the scan deadline has passed", async () => {
    const controller = new AbortController();
    controller.abort();
    const http = client(legacy.port, { deadline: controller.signal });
    const record = await http.handshake({ origin: `https://${HOST}`, version: "TLSv1", probe: "test" });
    assert.equal(record.error?.code, "deadline");
    assert.equal(http.requestsSent, 0);
  });

  it("offers only the cipher list asked for: TLS 1.2 with RSA key exchange, accepted or declined", async () => {
    const rsa = testCa().issue({ names: [HOST], key: "rsa:2048" });
    const rsaKx = await startHttpsServer((_req, res) => res.end("ok"), {
      ...rsa,
      ciphers: "AES128-GCM-SHA256",
    });
    const ecdheOnly = await startHttpsServer((_req, res) => res.end("ok"), {
      ...rsa,
      ciphers: "ECDHE-RSA-AES128-GCM-SHA256",
    });
    try {
      const offer = {
        origin: `https://${HOST}`,
        version: "TLSv1.2",
        ciphers: "kRSA:@SECLEVEL=0",
        probe: "test",
      } as const;
      const accepted = await client(rsaKx.port).handshake(offer);
      assert.equal(accepted.outcome, "accepted", JSON.stringify(accepted));
      assert.equal(accepted.protocol, "TLSv1.2");
      assert.equal(accepted.cipher, "AES128-GCM-SHA256");
      const declined = await client(ecdheOnly.port).handshake(offer);
      assert.equal(declined.outcome, "declined", JSON.stringify(declined));
    } finally {
      await Promise.all([rsaKx.close(), ecdheOnly.close()]);
    }
  });
});
