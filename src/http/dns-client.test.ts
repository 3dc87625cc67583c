import assert from "node:assert/strict";
import net from "node:net";
import dnsPacket from "dns-packet";
import { after, before, describe, it } from "node:test";
import { startDnsServer, type TestDnsServer } from "../../test/support/dns-server.ts";
import { publicOnlyGuard } from "./address-policy.ts";
import { DnsClient, type DnsClientOptions } from "./dns-client.ts";
import { parseDnsServer } from "./dns-server-address.ts";
import { parseOverride } from "./resolve-override.ts";

describe("DnsClient", () => {
  let dns: TestDnsServer;
  before(async () => {
    dns = await startDnsServer({
      records: [
        { name: "shop.test", type: "TXT", data: ["v=spf1 ", "mx -all"] },
        { name: "shop.test", type: "MX", data: { preference: 10, exchange: "MX.Shop.test" } },
        { name: "shop.test", type: "CAA", data: { flags: 0, tag: "issue", value: "letsencrypt.org" } },
        { name: "shop.test", type: "NS", data: "ns1.shop.test" },
        { name: "ns1.shop.test", type: "A", data: "127.0.0.1" },
        { name: "www.shop.test", type: "CNAME", data: "shop.test" },
        { name: "shop.test", type: "A", data: "127.0.0.1" },
        { name: "shop.test", type: "AAAA", data: "::1" },
      ],
      openTransfers: ["shop.test"],
    });
  });
  after(() => dns.close());

  const client = (options: Partial<DnsClientOptions> = {}) =>
    new DnsClient({
      server: parseDnsServer(dns.address),
      deadline: new AbortController().signal,
      timeoutMs: 2_000,
      maxQueries: 20,
      overrides: [parseOverride(`ns1.shop.test:53:127.0.0.1:${dns.port}`)],
      guard: null,
      ...options,
    });

  it("asks the --dns-server for records and writes them in presentation form", async () => {
    const c = client();
    const ask = { probe: "dns" };
    assert.deepEqual((await c.query("shop.test", "TXT", ask)).answers, ["v=spf1 mx -all"]);
    assert.deepEqual((await c.query("shop.test", "MX", ask)).answers, ["10 mx.shop.test"]);
    assert.deepEqual((await c.query("shop.test", "CAA", ask)).answers, ["0 issue letsencrypt.org"]);
    assert.deepEqual((await c.query("www.shop.test", "CNAME", ask)).answers, ["shop.test"]);
    assert.equal((await c.query("nothing.shop.test", "TXT", ask)).outcome, "no-such-name");
    assert.equal((await c.query("ns1.shop.test", "TXT", ask)).outcome, "no-data");
    assert.equal(c.queriesSent, 6);
    assert.equal(c.records.length, 6);
  });

  it("gives connections the server's addresses, IPv4 first", async () => {
    assert.deepEqual(await client().addresses("www.shop.test"), ["127.0.0.1", "::1"]);
    await assert.rejects(client().addresses("nothing.shop.test"), { code: "ENOTFOUND" });
  });

  it("counts a zone transfer's records and keeps a few names", async () => {
    const record = await client().transfer("shop.test", "ns1.shop.test", { probe: "dns" });
    assert.equal(record.outcome, "answered");
    assert.ok((record.transferred ?? 0) >= 6, String(record.transferred));
    assert.ok(record.answers.includes("www.shop.test"));
  });

  it("in server mode, refuses a name server that resolves to a private address before connecting", async () => {
    const before = dns.questions.filter((q) => q.startsWith("AXFR")).length;
    const record = await client({ guard: publicOnlyGuard(), overrides: [] }).transfer(
      "shop.test",
      "ns1.shop.test",
      {
        probe: "dns",
      },
    );
    assert.equal(record.outcome, "failed");
    assert.match(record.error ?? "", /^blocked: .*loopback/);
    assert.equal(
      dns.questions.filter((q) => q.startsWith("AXFR")).length,
      before,
      "no AXFR reached the server",
    );
  });

  it("stops at its allowance and at the deadline, without sending", async () => {
    const limited = client({ maxQueries: 1 });
    await limited.query("shop.test", "TXT", { probe: "dns" });
    const refused = await limited.query("shop.test", "MX", { probe: "dns" });
    assert.match(refused.error ?? "", /allowance/);
    const controller = new AbortController();
    controller.abort();
    const late = await client({ deadline: controller.signal }).query("shop.test", "TXT", { probe: "dns" });
    assert.equal(late.outcome, "failed");
  });

  it("without a server, never asks the system resolver about special-use names", async () => {
    const system = client({ server: null });
    const record = await system.query("app.fixture.test", "TXT", { probe: "dns" });
    assert.equal(record.outcome, "failed");
    assert.match(record.error ?? "", /special-use/);
    assert.equal(system.queriesSent, 0);
  });
});

describe("parseDnsServer", () => {
  it("reads ADDRESS, ADDRESS:PORT and [IPV6]:PORT", () => {
    assert.deepEqual(parseDnsServer("127.0.0.1:5353"), { address: "127.0.0.1", port: 5353 });
    assert.deepEqual(parseDnsServer("9.9.9.9"), { address: "9.9.9.9", port: 53 });
    assert.deepEqual(parseDnsServer("[::1]:53"), { address: "::1", port: 53 });
    assert.deepEqual(parseDnsServer("::1"), { address: "::1", port: 53 });
  });
  it("refuses names and bad ports", () => {
    assert.throws(() => parseDnsServer("dns.google:53"), /IP address/);
    assert.throws(() => parseDnsServer("127.0.0.1:70000"), /port/);
  });
});

describe("zone transfers from hostile name servers", () => {
  /** A TCP "name server" that behaves as `serve` says, and the client pinned to it. */
  async function hostile(serve: (socket: net.Socket) => void) {
    const sockets = new Set<net.Socket>();
    const server = net.createServer((socket) => {
      sockets.add(socket);
      socket.on("error", () => undefined);
      serve(socket);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as net.AddressInfo).port;
    const c = new DnsClient({
      // The name server is pinned; any other lookup would go to a closed port on loopback.
      server: parseDnsServer("127.0.0.1:9"),
      deadline: new AbortController().signal,
      timeoutMs: 1_500,
      maxQueries: 5,
      overrides: [parseOverride(`ns.hostile.example:53:127.0.0.1:${port}`)],
      guard: null,
    });
    return {
      transfer: () => c.transfer("hostile.example", "ns.hostile.example", { probe: "dns" }),
      close: () => {
        for (const socket of sockets) socket.destroy();
        return new Promise<void>((resolve) => server.close(() => resolve()));
      },
    };
  }

  it("stops reading an endless zone at its size limit, and still reports what it saw", async () => {
    const ns = await hostile((socket) => {
      socket.once("data", () => {
        const soa: dnsPacket.Answer = {
          name: "hostile.example",
          type: "SOA",
          data: { mname: "ns", rname: "h", serial: 1, refresh: 1, retry: 1, expire: 1, minimum: 1 },
        };
        const filler = (i: number): dnsPacket.Answer => ({
          name: `h${i}.hostile.example`,
          type: "A",
          data: "192.0.2.1",
        });
        let i = 0;
        const pump = () => {
          while (
            !socket.destroyed &&
            socket.write(
              dnsPacket.streamEncode({
                type: "response",
                id: 1,
                answers: [...(i === 0 ? [soa] : []), ...Array.from({ length: 50 }, () => filler(i++))],
              }),
            )
          );
          if (!socket.destroyed) socket.once("drain", pump);
        };
        pump();
      });
    });
    try {
      const record = await ns.transfer();
      assert.equal(record.outcome, "answered");
      assert.ok((record.transferred ?? 0) > 100);
      assert.equal(record.answers.length, 10, "only a few names are kept");
    } finally {
      await ns.close();
    }
  });

  it("gives up on a name server that never answers, and says it failed", async () => {
    const ns = await hostile(() => undefined);
    try {
      const record = await ns.transfer();
      assert.equal(record.outcome, "failed");
      assert.match(record.error ?? "", /in time/);
    } finally {
      await ns.close();
    }
  });

  it("calls garbage what is not DNS", async () => {
    const ns = await hostile((socket) =>
      socket.once("data", () => socket.end(Buffer.from([0, 4, 1, 2, 3, 4]))),
    );
    try {
      const record = await ns.transfer();
      assert.equal(record.outcome, "failed");
      assert.equal(record.transferred, 0);
    } finally {
      await ns.close();
    }
  });
});
