import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import https from "node:https";
import { after, before, describe, it } from "node:test";
import { testCa } from "../../test/support/certificates.ts";
import { listen, type TestServer } from "../../test/support/server.ts";
import type { HandshakeRecord } from "../core/transport.ts";
import type { Exchange, Method } from "../core/exchange.ts";
import { publicOnlyGuard } from "./address-policy.ts";
import { AdmissionGate, type OutgoingUnit } from "./admission.ts";
import { DEFAULT_LIMITS, HttpClient, type HttpClientOptions } from "./client.ts";
import { parseOverride } from "./resolve-override.ts";

const open = () => new AbortController().signal;
const gate = (options: Partial<ConstructorParameters<typeof AdmissionGate>[0]> = {}) =>
  new AdmissionGate({
    budget: 10,
    perHostConcurrency: 2,
    deadline: open(),
    defaultPortsOnly: false,
    ...options,
  });
const request = (url: string, method: Method = "GET"): OutgoingUnit => ({
  kind: "request",
  method,
  url,
});
const handshake = (origin: string): OutgoingUnit => ({ kind: "handshake", origin });

describe("AdmissionGate", () => {
  it("refuses with the codes the records carry, in the order the rules are checked", async () => {
    const cases: Array<[OutgoingUnit, string, RegExp]> = [
      [request("not a url"), "other", /^not a URL: not a url$/],
      [request("https://a.test/x", "POST"), "blocked-method", /not a read-only request/],
      [request("ftp://a.test/"), "other", /^unsupported scheme ftp:$/],
      [handshake("http://a.test"), "other", /^not an https origin: http:\/\/a.test$/],
      [handshake("nonsense"), "other", /^not an https origin: nonsense$/],
      [request("https://a.test:8443/", "POST"), "blocked-method", /not a read-only request/],
    ];
    for (const [unit, code, message] of cases) {
      const ticket = await gate({ defaultPortsOnly: true }).admit(unit);
      assert.equal(ticket.admitted, false, JSON.stringify(unit));
      if (ticket.admitted) continue;
      assert.equal(ticket.error.code, code, JSON.stringify(unit));
      assert.match(ticket.error.message, message);
    }
  });

  it("spends one unit per admission and counts requests and handshakes against the same budget", async () => {
    const door = gate({ budget: 2 });
    const first = await door.admit(request("https://a.test/"));
    const second = await door.admit(handshake("https://b.test"));
    assert.ok(first.admitted && second.admitted);
    first.release();
    second.release();
    assert.equal(door.admitted, 2);
    assert.equal(door.remaining, 0);
    assert.equal(door.budgetExhausted, false, "not exhausted until something is refused");
    for (const unit of [request("https://a.test/"), handshake("https://a.test")]) {
      const refused = await door.admit(unit);
      assert.deepEqual(refused, {
        admitted: false,
        error: { code: "budget", message: "request budget of 2 used up" },
      });
    }
    assert.equal(door.budgetExhausted, true);
  });

  it("holds one slot per host until release, shared by requests and handshakes; release works once", async () => {
    const door = gate({ perHostConcurrency: 1 });
    const held = await door.admit(request("https://a.test/one"));
    assert.ok(held.admitted);
    let waited = false;
    const waiting = door.admit(handshake("https://a.test")).then((ticket) => {
      waited = true;
      return ticket;
    });
    const otherHost = await door.admit(handshake("https://b.test"));
    assert.ok(otherHost.admitted, "another host has its own slots");
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(waited, false, "the same host waits for the slot");
    held.release();
    held.release();
    const next = await waiting;
    assert.ok(next.admitted);
    const third = door.admit(request("https://a.test/three"));
    await new Promise((resolve) => setImmediate(resolve));
    next.release();
    const last = await third;
    assert.ok(last.admitted, "a double release did not free a second slot early");
  });

  it("gives the reserved unit back when the deadline ends the wait for a slot, and refuses afterwards", async () => {
    const deadline = new AbortController();
    const door = gate({ perHostConcurrency: 1, deadline: deadline.signal });
    const held = await door.admit(request("https://a.test/"));
    assert.ok(held.admitted);
    const waiting = door.admit(handshake("https://a.test"));
    assert.equal(door.admitted, 2, "reserved before waiting");
    deadline.abort();
    const refused = await waiting;
    assert.deepEqual(refused, {
      admitted: false,
      error: { code: "deadline", message: "the scan deadline passed" },
    });
    assert.equal(door.admitted, 1);
    assert.equal(door.stopped, true);
    const later = await door.admit(request("https://a.test/"));
    assert.equal(later.admitted ? "admitted" : later.error.code, "deadline");
  });

  it("is the only module holding the admission rules (no second copy of them in src/http)", () => {
    const dir = new URL("./", import.meta.url);
    const sources = readdirSync(dir).filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"));
    for (const name of sources) {
      if (name === "admission.ts") continue;
      const text = readFileSync(new URL(name, dir), "utf8");
      for (const rule of [
        '"./semaphore.ts"',
        '"./method-policy.ts"',
        "is not a default web port",
        "budget of",
      ]) {
        assert.ok(!text.includes(rule), `${name} carries an admission rule of its own (${rule})`);
      }
    }
  });
});

/**
 * The client's two ways out, an HTTP request and a bare TLS handshake, against one real loopback TLS
 * server that counts TCP connections: each rule refuses both with the same error, and nothing connects.
 */
describe("HttpClient: requests and handshakes pass the same door", () => {
  const HOST = "door.fixture.test";
  const leaf = testCa().issue({ names: [HOST] });
  let server: TestServer;
  let connections = 0;
  before(async () => {
    const tlsServer = https.createServer(
      { ...leaf, minVersion: "TLSv1", ciphers: "DEFAULT@SECLEVEL=0" },
      (req, res) => {
        if (req.url === "/slow") setTimeout(() => res.end("slow"), 300);
        else res.end("ok");
      },
    );
    tlsServer.on("connection", () => connections++);
    tlsServer.on("tlsClientError", () => undefined);
    server = await listen(tlsServer);
  });
  after(async () => server.close());

  const clients: HttpClient[] = [];
  after(async () => Promise.all(clients.map((client) => client.close())));
  const client = (options: Partial<HttpClientOptions> = {}) => {
    const made = new HttpClient({
      limits: DEFAULT_LIMITS,
      deadline: open(),
      overrides: [parseOverride(`${HOST}:443:127.0.0.1:${server.port}`)],
      ...options,
    });
    clients.push(made);
    return made;
  };
  const origin = `https://${HOST}`;
  const both = async (http: HttpClient, at = origin): Promise<[Exchange, HandshakeRecord]> => [
    await http.send({ method: "GET", url: `${at}/`, probe: "test" }),
    await http.handshake({ origin: at, version: "TLSv1.2", probe: "test" }),
  ];
  const sameRefusal = (exchange: Exchange, record: HandshakeRecord, code: string) => {
    assert.equal(exchange.error?.code, code, JSON.stringify(exchange));
    assert.equal(record.outcome, "failed");
    assert.deepEqual(record.error, exchange.error, "the same refusal, word for word");
    assert.equal(exchange.response, undefined);
  };

  it("shares one budget: a handshake spends the unit a request would have used, and both are then refused", async () => {
    const http = client({ limits: { ...DEFAULT_LIMITS, budget: 2 } });
    const [sent, shook] = await both(http);
    assert.equal(sent.response?.status, 200);
    assert.equal(shook.outcome, "accepted", JSON.stringify(shook));
    const before = { connections, seen: server.seen.length };
    const [exchange, record] = await both(http);
    sameRefusal(exchange, record, "budget");
    assert.equal(exchange.error?.message, "request budget of 2 used up");
    assert.equal(http.requestsSent, 2);
    assert.equal(http.budgetExhausted, true);
    assert.deepEqual({ connections, seen: server.seen.length }, before, "nothing reached the server");
  });

  it("refuses both once the deadline has passed, sending nothing", async () => {
    const deadline = new AbortController();
    deadline.abort();
    const before = connections;
    const http = client({ deadline: deadline.signal });
    const [exchange, record] = await both(http);
    sameRefusal(exchange, record, "deadline");
    assert.equal(http.requestsSent, 0);
    assert.equal(connections, before);
  });

  it("refuses both once the client is closed", async () => {
    const http = client();
    await http.close();
    const before = connections;
    const [exchange, record] = await both(http);
    sameRefusal(exchange, record, "deadline");
    assert.equal(connections, before);
  });

  it("refuses both on a non-default port in server mode, before any lookup or connection", async () => {
    const before = connections;
    const http = client({
      guard: publicOnlyGuard(),
      overrides: [parseOverride(`${HOST}:${server.port}:127.0.0.1:${server.port}`)],
    });
    const [exchange, record] = await both(http, `${origin}:${server.port}`);
    sameRefusal(exchange, record, "blocked-address");
    assert.equal(exchange.error?.message, `port ${server.port} is not a default web port`);
    assert.equal(http.requestsSent, 0);
    assert.equal(connections, before);
  });

  it("shares the per-host slots: a handshake waits for the request holding the host's only slot", async () => {
    const http = client({ limits: { ...DEFAULT_LIMITS, perHostConcurrency: 1 } });
    const order: string[] = [];
    const slow = http.send({ method: "GET", url: `${origin}/slow`, probe: "test" }).then((exchange) => {
      order.push("request");
      return exchange;
    });
    const shake = http.handshake({ origin, version: "TLSv1.2", probe: "test" }).then((record) => {
      order.push("handshake");
      return record;
    });
    const [exchange, record] = await Promise.all([slow, shake]);
    assert.equal(exchange.response?.body.toString(), "slow");
    assert.equal(record.outcome, "accepted", JSON.stringify(record));
    assert.deepEqual(order, ["request", "handshake"]);
  });

  it("ends a handshake's wait for a slot at the deadline, recording it and giving its unit back", async () => {
    const deadline = new AbortController();
    const http = client({ deadline: deadline.signal, limits: { ...DEFAULT_LIMITS, perHostConcurrency: 1 } });
    const slow = http.send({ method: "GET", url: `${origin}/slow`, probe: "test" });
    const shake = http.handshake({ origin, version: "TLSv1.2", probe: "test" });
    await new Promise((resolve) => setTimeout(resolve, 50));
    deadline.abort();
    const [exchange, record] = await Promise.all([slow, shake]);
    assert.equal(exchange.error?.code, "deadline");
    assert.deepEqual(record.error, { code: "deadline", message: "the scan deadline passed" });
    assert.equal(http.requestsSent, 1, "the handshake never left, so it did not count");
  });
});
