import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import AjvDraft04 from "ajv-draft-04";
import { startDemoSite } from "../../src/interfaces/demo/vulnerable-site.ts";
import { OPENAPI_FILE } from "../../src/interfaces/api/openapi-file.ts";
import {
  loopbackScanning,
  openApiValidator,
  readEvents,
  startApp,
  type Response,
  type RunningApp,
} from "./app-harness.ts";

const validate = openApiValidator();

function assertValid(schema: string, value: unknown): void {
  assert.deepEqual(validate(schema, value), [], `${schema}: ${JSON.stringify(value).slice(0, 400)}`);
}

async function expectError(response: Response, status: number, code: string): Promise<string> {
  assert.equal(response.status, status, `expected ${status} ${code}, got ${response.status}`);
  assert.match(response.headers.get("content-type") ?? "", /^application\/json/);
  const body = (await response.json()) as { error: { code: string; message: string } };
  assertValid("Error", body);
  assert.equal(body.error.code, code, body.error.message);
  assert.ok(body.error.message.length > 10);
  return body.error.message;
}

describe("HTTP API against a local fixture site", () => {
  let site: Awaited<ReturnType<typeof startDemoSite>>;
  let server: RunningApp;
  let target: string;

  before(async () => {
    site = await startDemoSite();
    target = `http://127.0.0.1:${site.port}/`;
    server = await startApp({ config: loopbackScanning() });
  });
  after(async () => {
    await server.close();
    await site.close();
  });

  it("serves an OpenAPI 3.1 document that matches schemas/openapi.json", async () => {
    const response = await server.fetch("/api/openapi.json");
    assert.equal(response.status, 200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    assert.equal(document.openapi, "3.1.0");
    const generated = await server.app.openApiDocument();
    assert.deepEqual(document, generated);
    assert.ok(document.paths["/api/v1/scans/{id}/events"]);
    assert.deepEqual(
      JSON.parse(readFileSync(OPENAPI_FILE, "utf8")),
      generated,
      "schemas/openapi.json is stale: run npm run openapi",
    );
  });

  it("accepts a scan (202), streams its progress and findings, and serves the finished report in every format", async () => {
    const created = await server.postScan({ url: target, options: { budget: 100, timeout: 30 } });
    assert.equal(created.status, 202);
    const scan = (await created.json()) as { id: string; status: string; links: Record<string, string> };
    assertValid("Scan", scan);
    assert.match(scan.id, /^[A-Za-z0-9_-]{22}$/);
    assert.equal(created.headers.get("location"), `/api/v1/scans/${scan.id}`);

    const events = await readEvents(`${server.url}/api/v1/scans/${scan.id}/events`);
    for (const event of events) {
      assertValid("LiveEvent", event.data);
      assert.equal((event.data as { type: string }).type, event.event);
    }
    const names = events.map((event) => event.event);
    assert.ok(names.includes("progress"), names.join(","));
    assert.ok(names.includes("finding"), names.join(","));
    assert.equal(names.at(-1), "done");
    const progress = events
      .filter((e) => e.event === "progress")
      .map((e) => e.data as { probe: string; sent: number });
    assert.ok(
      progress.some((p) => p.probe === "cors"),
      "the running family is named",
    );
    assert.ok(
      progress.some((p) => p.sent > 0),
      "requests sent are counted",
    );

    const done = await server.fetch(`/api/v1/scans/${scan.id}`);
    assert.equal(done.status, 200);
    const body = (await done.json()) as {
      status: string;
      grade: string;
      report: { findings: Array<{ id: string }> };
    };
    assertValid("Scan", body);
    assert.equal(body.status, "done");
    assert.ok(body.report.findings.some((finding) => finding.id === "cors.origin-reflected"));

    const json = await server.fetch(`/api/v1/scans/${scan.id}/report.json`);
    assert.equal(json.status, 200);
    assertValid("Report", await json.json());

    const sarif = await server.fetch(`/api/v1/scans/${scan.id}/report.sarif`);
    assert.equal(sarif.status, 200);
    assert.match(sarif.headers.get("content-type") ?? "", /^application\/sarif\+json/);
    const ajv = new AjvDraft04.default({ strict: false, allErrors: true, validateFormats: false });
    const sarifSchema = JSON.parse(
      readFileSync(new URL("../fixtures/sarif-schema-2.1.0.json", import.meta.url), "utf8"),
    ) as object;
    assert.ok(ajv.validate(sarifSchema, await sarif.json()), ajv.errorsText());

    const page = await server.fetch(`/api/v1/scans/${scan.id}/report.html`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get("content-type") ?? "", /^text\/html/);
    assert.match(await page.text(), /^<!doctype html>/i);

    const badge = await server.fetch(`/api/v1/scans/${scan.id}/badge.svg`);
    assert.equal(badge.status, 200);
    assert.match(badge.headers.get("content-type") ?? "", /^image\/svg\+xml/);
    assert.equal(badge.headers.get("cross-origin-resource-policy"), "cross-origin");
    assert.ok((await badge.text()).includes(body.grade));

    const history = await server.fetch(`/api/v1/scans?url=${encodeURIComponent(target)}`);
    assert.equal(history.status, 200);
    const list = (await history.json()) as { url: string; scans: Array<{ id: string }> };
    assertValid("ScanList", list);
    assert.ok(list.scans.some((item) => item.id === scan.id));

    // A finished scan's stream answers "done" at once.
    const again = await readEvents(`${server.url}/api/v1/scans/${scan.id}/events`);
    assert.deepEqual(
      again.map((e) => e.event),
      ["done"],
    );
  });

  it("refuses invalid input with a clear 4xx and one error shape", async () => {
    const post = (body: string, type = "application/json") =>
      server.fetch("/api/v1/scans", { method: "POST", headers: { "content-type": type }, body });
    await expectError(await post("{nope"), 400, "invalid_json");
    await expectError(
      await post('{"url":"https://example.com"}', "text/plain"),
      415,
      "unsupported_media_type",
    );
    await expectError(await post(JSON.stringify({ url: "x".repeat(20_000) })), 413, "body_too_large");
    await expectError(await post("[]"), 400, "invalid_body");
    await expectError(await post('{"url":"https://example.com","extra":1}'), 400, "invalid_body");
    await expectError(await post("{}"), 400, "invalid_url");
    await expectError(await post('{"url":"ftp://example.com/"}'), 400, "invalid_url");
    await expectError(await post('{"url":"https://exa mple.com/"}'), 400, "invalid_url");
    await expectError(
      await post('{"url":"https://example.com","options":{"budget":151}}'),
      400,
      "invalid_option",
    );
    await expectError(
      await post('{"url":"https://example.com","options":{"timeout":0}}'),
      400,
      "invalid_option",
    );
    await expectError(
      await post('{"url":"https://example.com","options":{"budget":"9"}}'),
      400,
      "invalid_option",
    );
    await expectError(
      await post('{"url":"https://example.com","options":{"depth":3}}'),
      400,
      "invalid_option",
    );
    // Only the operator names a DNS server (AMIHACKABLE_DNS_SERVER): a client that tries is refused.
    for (const name of ["dnsServer", "dns_server", "dns-server"])
      await expectError(
        await post(`{"url":"https://example.com","options":{"${name}":"10.0.0.53:53"}}`),
        400,
        "invalid_option",
      );
    await expectError(
      await post('{"url":"https://example.com","options":{"only":["nope"]}}'),
      400,
      "unknown_check",
    );
    await expectError(
      await post('{"url":"https://example.com","options":{"only":"cors"}}'),
      400,
      "invalid_option",
    );
    await expectError(await server.fetch("/api/v1/scans/AAAAAAAAAAAAAAAAAAAAAA"), 404, "not_found");
    await expectError(await server.fetch("/api/v1/scans/not-an-id/report.json"), 404, "not_found");
    await expectError(await server.fetch("/api/v1/scans"), 400, "invalid_url");
    await expectError(
      await server.fetch("/api/v1/scans/AAAAAAAAAAAAAAAAAAAAAA", { method: "DELETE" }),
      405,
      "method_not_allowed",
    );
    await expectError(await server.fetch("/api/v1/nothing"), 404, "not_found");
  });
});

describe("server-mode address rules", () => {
  let server: RunningApp;
  before(async () => {
    server = await startApp({ paused: true });
  });
  after(async () => server.close());

  it("refuses bare non-public addresses and explicit ports before queueing anything", async () => {
    for (const url of [
      "http://169.254.169.254/latest/meta-data/",
      "http://[::1]/",
      "http://2130706433/",
      "http://0x7f.1/",
      "http://10.0.0.1/",
      "http://[fe80::1]/",
      "http://[::ffff:127.0.0.1]/",
      "http://0.0.0.0/",
      "http://localhost/",
      "http://app.localhost/",
    ]) {
      const message = await expectError(await server.postScan({ url }), 422, "target_not_allowed");
      // Whoever runs the server on purpose for a local site learns the setting that allows it.
      assert.match(message, /operator can allow it by starting it with AMIHACKABLE_ALLOW_ADDRESSES=/);
    }
    const port = await expectError(
      await server.postScan({ url: "http://example.com:22/" }),
      422,
      "port_not_allowed",
    );
    assert.match(port, /AMIHACKABLE_ALLOW_NON_DEFAULT_PORTS=1/);
    const userinfo = await expectError(
      await server.postScan({ url: "https://user:secret@example.com/" }),
      400,
      "invalid_url",
    );
    assert.match(userinfo, /^Remove the user name and password from the URL/);
    assert.doesNotMatch(userinfo, /^Put credentials in --header/, "API users have no CLI flags to use");
    await expectError(await server.postScan({ url: "https://example.com:8443/" }), 422, "port_not_allowed");
    assert.equal(server.app.services.queue.waitingCount, 0);
  });

  it("answers 409 for the report of a scan that has not run, and reports its place in line", async () => {
    const first = (await (await server.postScan({ url: "https://one.example/" })).json()) as {
      id: string;
      position: number;
    };
    const second = (await (await server.postScan({ url: "https://two.example/" })).json()) as {
      id: string;
      position: number;
    };
    assert.equal(first.position, 1);
    assert.equal(second.position, 2);
    const status = (await (await server.fetch(`/api/v1/scans/${second.id}`)).json()) as {
      status: string;
      position: number;
    };
    assertValid("Scan", status);
    assert.equal(status.status, "queued");
    assert.equal(status.position, 2);
    await expectError(await server.fetch(`/api/v1/scans/${second.id}/report.json`), 409, "not_ready");
    const events = await readEvents(
      `${server.url}/api/v1/scans/${second.id}/events`,
      (seen) => seen.length >= 1,
    );
    assert.deepEqual(events[0]?.data, { type: "status", status: "queued", position: 2 });
  });
});

describe("limits", () => {
  it("rate-limits scans per client with 429 and Retry-After", async () => {
    const server = await startApp({
      paused: true,
      config: { scanRate: { capacity: 2, refillPerSecond: 0.01 } },
    });
    try {
      assert.equal((await server.postScan({ url: "https://a.example/" })).status, 202);
      assert.equal((await server.postScan({ url: "https://b.example/" })).status, 202);
      const limited = await server.postScan({ url: "https://c.example/" });
      assert.ok(Number(limited.headers.get("retry-after")) >= 1);
      await expectError(limited, 429, "rate_limited");
    } finally {
      await server.close();
    }
  });

  it("rate-limits requests of any kind per client", async () => {
    const server = await startApp({ config: { requestRate: { capacity: 3, refillPerSecond: 0.01 } } });
    try {
      for (let i = 0; i < 3; i++) assert.equal((await server.fetch("/api/openapi.json")).status, 200);
      const limited = await server.fetch("/api/openapi.json");
      assert.ok(limited.headers.get("retry-after"));
      await expectError(limited, 429, "rate_limited");
    } finally {
      await server.close();
    }
  });

  it("rate-limits requests the framework refuses before routing (a malformed URL or scan id)", async () => {
    const server = await startApp({ config: { requestRate: { capacity: 2, refillPerSecond: 0.01 } } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await server.fetch("/%c0N")).status);
      for (let i = 0; i < 2; i++)
        statuses.push((await server.fetch(`/api/v1/scans/${"x".repeat(150)}`)).status);
      assert.deepEqual(statuses.slice(0, 2), [404, 404]);
      assert.ok(
        statuses.slice(2).every((status) => status === 429),
        statuses.join(", "),
      );
      const limited = await server.fetch("/%c0N");
      assert.ok(limited.headers.get("retry-after"));
      assert.ok(
        limited.headers.get("content-security-policy"),
        "a refusal still carries the security headers",
      );
    } finally {
      await server.close();
    }
  });

  it("refuses new scans with 503 when the queue is full", async () => {
    const server = await startApp({ paused: true, config: { maxWaiting: 1 } });
    try {
      assert.equal((await server.postScan({ url: "https://a.example/" })).status, 202);
      const full = await server.postScan({ url: "https://b.example/" });
      assert.equal(full.headers.get("retry-after"), "60");
      await expectError(full, 503, "queue_full");
    } finally {
      await server.close();
    }
  });
});
