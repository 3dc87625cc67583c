import assert from "node:assert/strict";
import http from "node:http";
import type { Socket } from "node:net";
import { after, describe, it } from "node:test";
import zlib from "node:zlib";
import { headerValue } from "../core/headers.ts";
import { listen, startServer, type TestServer } from "../../test/support/server.ts";
import { BodyPool } from "./body-pool.ts";
import {
  DEFAULT_LIMITS,
  HttpClient,
  MAX_HEADER_LINES,
  REDACTED,
  type HttpClientOptions,
  type HttpLimits,
} from "./client.ts";

const servers: TestServer[] = [];
const clients: HttpClient[] = [];
after(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await Promise.all(servers.map((server) => server.close()));
});

async function serve(handler: http.RequestListener): Promise<TestServer> {
  const server = await startServer(handler);
  servers.push(server);
  return server;
}

function client(
  options: Omit<Partial<HttpClientOptions>, "limits"> & { limits?: Partial<HttpLimits> } = {},
): HttpClient {
  const made = new HttpClient({
    deadline: new AbortController().signal,
    ...options,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
  });
  clients.push(made);
  return made;
}

/** Resolves the two fixture names used below to loopback, as a user's --resolve would. */
const resolveBoth = (port: number) => [
  { host: "app.example.test", port: String(port), address: "127.0.0.1" },
  { host: "evil.other.test", port: String(port), address: "127.0.0.1" },
];

describe("HttpClient credentials", () => {
  it("sends the user's headers and cookie to the target's site only, and never records them", async () => {
    const server = await serve((req, res) => {
      if (req.url === "/go-away")
        res.writeHead(302, { location: `http://evil.other.test:${port}/landed` }).end();
      else res.end("ok");
    });
    const port = server.port;
    const http = client({
      overrides: resolveBoth(port),
      credentials: [
        ["authorization", "Bearer user-secret-token"],
        ["x-api-key", "user-api-key-1234"],
        ["cookie", "session=user-session-cookie"],
      ],
      sendCredentialsTo: (url) => url.hostname === "app.example.test",
    });

    const own = await http.send({
      method: "GET",
      url: `http://app.example.test:${port}/me`,
      headers: { cookie: "amihackable_probe=1", origin: "https://attacker.test" },
      probe: "test",
    });
    const redirected = await http.send({
      method: "GET",
      url: `http://app.example.test:${port}/go-away`,
      probe: "test",
      follow: true,
    });
    assert.equal(redirected.response?.status, 200);

    const [me, goAway, landed] = server.seen;
    assert.equal(me?.headers.authorization, "Bearer user-secret-token");
    assert.equal(me?.headers["x-api-key"], "user-api-key-1234");
    assert.equal(me?.headers.cookie, "session=user-session-cookie; amihackable_probe=1");
    assert.equal(goAway?.headers.authorization, "Bearer user-secret-token");
    assert.equal(landed?.url, "/landed");
    assert.equal(landed?.headers.authorization, undefined, "no credentials after a cross-site redirect");
    assert.equal(landed?.headers["x-api-key"], undefined);
    assert.equal(landed?.headers.cookie, undefined);

    const recorded = JSON.stringify(http.exchanges);
    for (const secret of ["user-secret-token", "user-api-key-1234", "user-session-cookie"]) {
      assert.ok(!recorded.includes(secret), `${secret} must not be in any recorded exchange`);
    }
    const headers = own.request.headers;
    assert.equal(headerValue(headers, "authorization"), REDACTED);
    assert.equal(headerValue(headers, "x-api-key"), REDACTED);
    assert.equal(
      headerValue(headers, "cookie"),
      `${REDACTED}; amihackable_probe=1`,
      "the probe's own cookie stays visible as evidence",
    );
    assert.equal(headerValue(headers, "origin"), "https://attacker.test");
  });

  it("sends no credentials at all when no site is allowed", async () => {
    const server = await serve((_req, res) => res.end("ok"));
    const http = client({ credentials: [["cookie", "session=abc"]] });
    await http.send({ method: "GET", url: `${server.url}/`, probe: "test" });
    assert.equal(server.seen[0]?.headers.cookie, undefined);
  });
});

describe("HttpClient limits", () => {
  it("refuses requests past the budget, counting redirect hops, and says so", async () => {
    const server = await serve((req, res) => {
      if (req.url === "/hop") res.writeHead(301, { location: "/end" }).end();
      else res.end("ok");
    });
    const http = client({ limits: { budget: 3 } });
    await http.send({ method: "GET", url: `${server.url}/hop`, probe: "test", follow: true });
    const results = await Promise.all(
      [1, 2, 3].map((n) => http.send({ method: "GET", url: `${server.url}/${n}`, probe: "test" })),
    );
    assert.equal(http.requestsSent, 3);
    assert.equal(server.seen.length, 3);
    assert.equal(results.filter((exchange) => exchange.error?.code === "budget").length, 2);
    assert.equal(http.budgetExhausted, true);
    assert.equal(http.remainingBudget, 0);
  });

  it("keeps at most perHostConcurrency requests in flight per host", async () => {
    let inFlight = 0;
    let most = 0;
    const server = await serve((_req, res) => {
      inFlight++;
      most = Math.max(most, inFlight);
      // Holding each answer briefly lets queued requests pile up if the client did not limit them.
      setTimeout(() => {
        inFlight--;
        res.end("ok");
      }, 15);
    });
    const http = client({ limits: { perHostConcurrency: 3 } });
    await Promise.all(
      Array.from({ length: 24 }, (_, n) =>
        http.send({ method: "GET", url: `${server.url}/${n}`, probe: "test" }),
      ),
    );
    assert.equal(server.seen.length, 24);
    assert.ok(most <= 3, `saw ${most} requests in flight`);
    assert.equal(most, 3, "the allowed concurrency is used");
  });

  it("reuses kept-alive connections for sequential requests to a host", async () => {
    let connections = 0;
    const server = http.createServer((_req, res) => res.end("ok"));
    server.on("connection", () => connections++);
    servers.push(await listen(server));
    const port = (server.address() as { port: number }).port;
    const c = client();
    for (let n = 0; n < 10; n++) {
      await c.send({ method: "GET", url: `http://127.0.0.1:${port}/${n}`, probe: "test" });
    }
    // undici may open a second socket while the first is finishing its response; never one per request.
    assert.ok(connections <= 2, `${connections} connections for 10 requests`);
  });

  it("closes its connections when closed, and refuses to send afterwards", async () => {
    const sockets: Socket[] = [];
    const server = http.createServer((_req, res) => res.end("ok"));
    server.on("connection", (socket: Socket) => sockets.push(socket));
    servers.push(await listen(server));
    const port = (server.address() as { port: number }).port;
    const c = new HttpClient({ limits: DEFAULT_LIMITS, deadline: new AbortController().signal });
    await c.send({ method: "GET", url: `http://127.0.0.1:${port}/`, probe: "test" });
    assert.equal(sockets.length, 1);
    const closedOnServer = new Promise((resolve) => sockets[0]!.once("close", resolve));
    await c.close();
    await closedOnServer;
    const late = await c.send({ method: "GET", url: `http://127.0.0.1:${port}/`, probe: "test" });
    assert.equal(late.error?.code, "deadline");
    assert.equal(sockets.length, 1, "nothing was sent after close");
  });

  it("cuts a body at the cap and says so, without a false cut at exactly the cap", async () => {
    const server = await serve((req, res) => res.end("x".repeat(req.url === "/exact" ? 1000 : 5000)));
    const c = client({ limits: { maxBodyBytes: 1000 } });
    const big = await c.send({ method: "GET", url: `${server.url}/big`, probe: "test" });
    assert.equal(big.response?.body.length, 1000);
    assert.equal(big.response?.truncated, "size");
    const exact = await c.send({ method: "GET", url: `${server.url}/exact`, probe: "test" });
    assert.equal(exact.response?.body.length, 1000);
    assert.equal(exact.response?.truncated, undefined);
  });

  it("decodes a compressed body, marking a body cut on decode", async () => {
    const text = "hello compressed world ".repeat(400);
    const server = await serve((_req, res) =>
      res.writeHead(200, { "content-encoding": "gzip" }).end(zlib.gzipSync(text)),
    );
    const whole = await client().send({ method: "GET", url: server.url, probe: "test" });
    assert.equal(Buffer.from(whole.response!.body).toString(), text);
    const cut = await client({ limits: { maxBodyBytes: 100 } }).send({
      method: "GET",
      url: server.url,
      probe: "test",
    });
    assert.equal(cut.response?.body.length, 100);
    assert.equal(cut.response?.truncated, "decode-size");
  });

  it("bounds what a whole scan keeps: past the shared allowance, bodies keep only the minimum", async () => {
    const server = await serve((_req, res) => res.end(Buffer.alloc(40_000, 120)));
    const c = client({ limits: { maxTotalBodyBytes: 100_000, minBodyBytes: 1_000 } });
    const bodies: number[] = [];
    for (let n = 0; n < 5; n++) {
      const exchange = await c.send({ method: "GET", url: `${server.url}/${n}`, probe: "test" });
      bodies.push(exchange.response!.body.length);
    }
    assert.deepEqual(bodies, [40_000, 40_000, 20_000, 1_000, 1_000]);
    assert.equal(c.bodyAllowanceExhausted, true);
  });

  it("lets a probe share its own allowance across requests (discovery's bundle total)", async () => {
    const server = await serve((_req, res) => res.end(Buffer.alloc(6_000, 120)));
    const c = client({ limits: { minBodyBytes: 0 } });
    const pool = new BodyPool(10_000);
    const lengths = await Promise.all(
      [1, 2, 3].map(async (n) => {
        const exchange = await c.send({
          method: "GET",
          url: `${server.url}/${n}`,
          probe: "test",
          bodyPool: pool,
        });
        return exchange.response!.body.length;
      }),
    );
    assert.equal(
      lengths.reduce((a, b) => a + b, 0),
      10_000,
    );
    assert.equal(pool.exhausted, true);
  });
});

describe("HttpClient time limits", () => {
  it("gives up on a server that never answers with a timeout", async () => {
    const server = await serve(() => undefined);
    const exchange = await client({ limits: { headersTimeoutMs: 200 } }).send({
      method: "GET",
      url: server.url,
      probe: "test",
    });
    assert.equal(exchange.error?.code, "timeout");
  });

  it("keeps the part of a slow-drip body that arrived before the whole-request timeout", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.write("<html><title>start</title>");
      const drip = setInterval(() => res.write("."), 20);
      res.on("close", () => clearInterval(drip));
    });
    const exchange = await client({ limits: { requestTimeoutMs: 400 } }).send({
      method: "GET",
      url: server.url,
      probe: "test",
    });
    assert.equal(exchange.response?.status, 200);
    assert.equal(exchange.response?.truncated, "time");
    assert.ok(Buffer.from(exchange.response.body).toString().startsWith("<html><title>start</title>"));
  });

  it("cuts a body that goes silent after the idle timeout", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { "content-length": "100" });
      res.write("partial");
    });
    const exchange = await client({ limits: { bodyIdleTimeoutMs: 200 } }).send({
      method: "GET",
      url: server.url,
      probe: "test",
    });
    assert.equal(exchange.response?.truncated, "time");
    assert.equal(Buffer.from(exchange.response.body).toString(), "partial");
  });

  it("aborts what is in flight and refuses what is queued when the deadline passes", async () => {
    const server = await serve(() => undefined);
    const deadline = new AbortController();
    const c = client({ deadline: deadline.signal, limits: { perHostConcurrency: 1 } });
    const first = c.send({ method: "GET", url: `${server.url}/1`, probe: "test" });
    const queued = c.send({ method: "GET", url: `${server.url}/2`, probe: "test" });
    await new Promise<void>((resolve) => {
      const check = () => (server.seen.length > 0 ? resolve() : setImmediate(check));
      check();
    });
    deadline.abort();
    const [a, b] = await Promise.all([first, queued]);
    assert.equal(a.error?.code, "deadline");
    assert.equal(b.error?.code, "deadline");
    assert.equal(c.requestsSent, 1, "the queued request never left and is not counted as sent");
    assert.equal(server.seen.length, 1);
  });
});

describe("HttpClient errors", () => {
  it("records a refused connection", async () => {
    const server = await serve((_req, res) => res.end());
    const port = server.port;
    await server.close();
    const exchange = await client().send({ method: "GET", url: `http://127.0.0.1:${port}/`, probe: "test" });
    assert.equal(exchange.error?.code, "refused");
  });

  it("explains a TLS failure against a plain-http port in words", async () => {
    const server = await serve((_req, res) => res.end("plain"));
    const exchange = await client().send({
      method: "GET",
      url: `https://127.0.0.1:${server.port}/`,
      probe: "test",
    });
    assert.equal(exchange.error?.code, "tls");
    assert.match(exchange.error.message, /did not answer in TLS/);
  });

  it("records a DNS failure from the lookup", async () => {
    const exchange = await client({
      lookup: async () => {
        throw Object.assign(new Error("getaddrinfo ENOTFOUND nowhere.test"), { code: "ENOTFOUND" });
      },
    }).send({ method: "GET", url: "http://nowhere.test/", probe: "test" });
    assert.equal(exchange.error?.code, "dns");
  });

  it("refuses a flood of response headers instead of buffering it", async () => {
    const server = await serve((_req, res) => {
      for (let n = 0; n < 10_000; n++) res.setHeader(`x-flood-${n}`, "value");
      res.end("ok");
    });
    const exchange = await client().send({ method: "GET", url: server.url, probe: "test" });
    assert.equal(exchange.error?.code, "invalid-response");
    assert.match(exchange.error.message, /headers were larger than 64 KiB/);
  });

  it("keeps the first lines of ten thousand short headers (under the byte cap) and counts the flood", async () => {
    const server = await serve((_req, res) => {
      res.setHeader(
        "x-n",
        Array.from({ length: 10_000 }, (_, n) => String(n % 10)),
      );
      res.end("ok");
    });
    const c = client();
    const exchange = await c.send({ method: "GET", url: server.url, probe: "test" });
    assert.equal(exchange.response?.status, 200);
    assert.equal(exchange.response?.headers.length, MAX_HEADER_LINES);
    assert.equal(c.responsesWithHeadersDropped, 1);
  });

  it("records a redirect loop as too many redirects after the limit", async () => {
    const server = await serve((req, res) =>
      res.writeHead(302, { location: req.url === "/a" ? "/b" : "/a" }).end(),
    );
    const exchange = await client({ limits: { maxRedirects: 4 } }).send({
      method: "GET",
      url: `${server.url}/a`,
      probe: "test",
      follow: true,
    });
    assert.equal(exchange.error?.code, "too-many-redirects");
    assert.equal(server.seen.length, 5, "the first request and four hops");
  });
});
