import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { CHECKS } from "../../src/checks/index.ts";
import type { Report } from "../../src/engine/report.ts";
import { testCa } from "../support/certificates.ts";
import { startHttpsServer } from "../support/https-site.ts";
import { FIXTURE_HOST, scanFixture } from "../support/scan-fixture.ts";
import { startServer, type TestServer } from "../support/server.ts";
import { backendStandIn, FIREBASE_HOSTS, kitchenSinkSite, SUPABASE_HOST } from "./kitchen-sink-site.ts";
import { isReadOnly, loopbackOnly } from "./loopback.ts";

/**
 * Safety (a): a full scan, every check, of a site that tempts a scanner to write (a bundle that POSTs,
 * PUTs and DELETEs, preflights allowing every method, wide-open Supabase and Firebase backends) reaches
 * the servers with nothing but GET, HEAD, OPTIONS and the one read-only POST (a Supabase Storage list).
 * Counted at the servers, not from the scanner's own records.
 */
describe("a full scan only reads", () => {
  let site: TestServer;
  let backend: TestServer;
  let report: Report;
  const guard = loopbackOnly();

  before(async () => {
    site = await startServer(kitchenSinkSite);
    const certificate = testCa().issue({ names: [SUPABASE_HOST, ...FIREBASE_HOSTS] });
    backend = await startHttpsServer(backendStandIn, certificate);
    report = await scanFixture(site, {
      ...guard,
      timeoutMs: 30_000,
      resolve: [SUPABASE_HOST, ...FIREBASE_HOSTS].map((host) => `${host}:443:127.0.0.1:${backend.port}`),
    });
  });
  after(async () => Promise.all([site.close(), backend.close()]));

  it("ran every check and reached the site", () => {
    assert.notEqual(report.outcome, "unreachable", report.failure);
    assert.equal(report.probed.checks.length, CHECKS.length);
    assert.ok(report.probed.probes.includes("discovery"));
    assert.ok(site.seen.length >= 10, `only ${site.seen.length} requests reached the site`);
  });

  it("sent the site nothing but GET, HEAD and OPTIONS", () => {
    const writes = site.seen.filter((seen) => !isReadOnly(seen.method, seen.url) || seen.method === "POST");
    assert.deepEqual(
      writes.map((seen) => `${seen.method} ${seen.url}`),
      [],
    );
  });

  it("sent the backends nothing but reads and the Storage list POST", () => {
    const writes = backend.seen.filter((seen) => !isReadOnly(seen.method, seen.url));
    assert.deepEqual(
      writes.map((seen) => `${seen.method} ${seen.url}`),
      [],
    );
  });

  it("sent nothing it did not record, and recorded no other method", () => {
    const methods = new Set([...site.seen, ...backend.seen].map((seen) => seen.method));
    for (const method of methods) assert.ok(["GET", "HEAD", "OPTIONS", "POST"].includes(method), method);
    assert.ok(report.requests.sent >= site.seen.length + backend.seen.length);
  });

  it("reached only pinned names: anything else failed at the test's resolver", () => {
    const pinned = new Set([FIXTURE_HOST, SUPABASE_HOST, ...FIREBASE_HOSTS]);
    for (const host of guard.lookedUp) assert.ok(!pinned.has(host) || host === FIXTURE_HOST, host);
    for (const url of report.probed.urls) {
      const host = new URL(url).hostname;
      if (!pinned.has(host)) assert.ok(guard.lookedUp.includes(host), `${host} was reached without a pin`);
    }
  });
});
