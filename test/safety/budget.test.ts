import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { scanFixture } from "../support/scan-fixture.ts";
import { startServer, type Handler, type TestServer } from "../support/server.ts";
import { loopbackOnly } from "./loopback.ts";

const COUNT = 5000;

/** A page with 5000 script tags and 5000 links; every script names more API endpoints. */
const floodSite: Handler = (req, res) => {
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  if (path === "/") {
    const tags = Array.from(
      { length: COUNT },
      (_, n) => `<script src="/js/chunk-${n}.js"></script><a href="/page/${n}">page ${n}</a>`,
    );
    res
      .writeHead(200, { "content-type": "text/html" })
      .end(`<!doctype html><html><body>${tags.join("\n")}</body></html>`);
    return;
  }
  const chunk = /^\/js\/chunk-(\d+)\.js$/.exec(path);
  if (chunk) {
    const calls = Array.from({ length: 50 }, (_, n) => `fetch("/api/r${chunk[1]}-${n}");`).join("");
    res.writeHead(200, { "content-type": "text/javascript" }).end(calls);
    return;
  }
  res
    .writeHead(200, { "content-type": "application/json", "access-control-allow-origin": "*" })
    .end('{"ok":true}');
};

/**
 * Safety (b): the request budget holds against a site that names thousands of things to fetch, counted
 * at the server, and the report says which limits were hit.
 */
describe("the request budget holds against a flood of scripts and links", () => {
  let server: TestServer;
  before(async () => {
    server = await startServer(floodSite);
  });
  after(async () => server.close());

  it("sends no more than a small budget, and says it was used up", async () => {
    const before = server.seen.length;
    const report = await scanFixture(server, { ...loopbackOnly(), budget: 12 });
    const sent = server.seen.length - before;
    assert.ok(sent <= 12, `the server saw ${sent} requests`);
    assert.ok(report.requests.sent <= 12);
    assert.equal(report.outcome, "partial");
    const kinds = report.issues.map((issue) => issue.kind);
    assert.ok(kinds.includes("budget"), JSON.stringify(report.issues));
    assert.ok(
      report.issues.some((issue) => issue.kind === "limit" && issue.message.includes(`${COUNT} scripts`)),
      "says that only some of the 5000 scripts were fetched",
    );
  });

  it("stays within the default budget of a full scan, with every check", async () => {
    const before = server.seen.length;
    const report = await scanFixture(server, loopbackOnly());
    const sent = server.seen.length - before;
    assert.ok(sent <= report.requests.budget, `the server saw ${sent} requests`);
    assert.ok(report.requests.sent <= report.requests.budget);
    assert.notEqual(report.outcome, "unreachable");
    assert.ok(
      report.issues.some((issue) => issue.kind === "limit"),
      JSON.stringify(report.issues),
    );
  });
});
