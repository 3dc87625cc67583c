import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { scanFixture } from "../support/scan-fixture.ts";
import { startServer, type Handler, type TestServer } from "../support/server.ts";
import { kitchenSinkSite } from "./kitchen-sink-site.ts";
import { loopbackOnly } from "./loopback.ts";

const TOKEN = "Bearer user-token-0123456789abcdef";
const API_KEY = "user-api-key-fedcba9876543210";
const SESSION = "session=user-session-5a5a5a5a5a5a";
const SECRETS = [TOKEN, "0123456789abcdef", API_KEY, "user-session-5a5a5a5a5a5a"];
const OTHER_SITE = "elsewhere.other-site.test";

/**
 * An authenticated scan (--header, --cookie): the credentials reach the target's site, never another
 * site (not even through a redirect), and appear nowhere in the report, whose evidence is shared.
 */
describe("an authenticated scan keeps the user's credentials to the site and out of the report", () => {
  let site: TestServer;
  let other: TestServer;
  before(async () => {
    const landing: Handler = (_req, res) =>
      void res.writeHead(200, { "content-type": "text/html" }).end("<p>hi</p>");
    other = await startServer(landing);
    const leaving: Handler = (req, res) => {
      if (req.url === "/leave") {
        res.writeHead(302, { location: `http://${OTHER_SITE}:${other.port}/landing` }).end();
        return;
      }
      kitchenSinkSite(req, res);
    };
    site = await startServer(leaving);
  });
  after(async () => Promise.all([site.close(), other.close()]));

  const credentials = {
    headers: [
      ["authorization", TOKEN],
      ["x-api-key", API_KEY],
    ] as const,
    cookies: [SESSION],
  };

  it("sends them with every request to the site and leaves them out of the report", async () => {
    const report = await scanFixture(site, { ...loopbackOnly(), ...credentials });
    assert.notEqual(report.outcome, "unreachable", report.failure);
    assert.ok(site.seen.length > 5);
    for (const seen of site.seen) {
      assert.equal(seen.headers.authorization, TOKEN, `${seen.method} ${seen.url}`);
      assert.equal(seen.headers["x-api-key"], API_KEY);
      if (seen.method !== "OPTIONS") assert.ok(seen.headers.cookie?.includes(SESSION));
    }
    const text = JSON.stringify(report);
    for (const secret of SECRETS) assert.ok(!text.includes(secret), `the report contains ${secret}`);
    assert.ok(report.findings.length > 0, "there is evidence to leak from, and it is redacted");
  });

  it("does not carry them across a redirect to another site", async () => {
    const report = await scanFixture(site, {
      ...loopbackOnly(),
      ...credentials,
      path: "/leave",
      resolve: [`${OTHER_SITE}:${other.port}:127.0.0.1`],
    });
    assert.notEqual(report.outcome, "unreachable", report.failure);
    assert.ok(other.seen.length > 0, "the redirect was followed");
    for (const seen of other.seen) {
      assert.equal(seen.headers.authorization, undefined);
      assert.equal(seen.headers["x-api-key"], undefined);
      assert.ok(!seen.headers.cookie?.includes(SESSION));
    }
    assert.ok(!JSON.stringify(report).includes(API_KEY));
    assert.equal(new URL(report.target.finalUrl ?? "http://x/").hostname, OTHER_SITE);
  });
});
