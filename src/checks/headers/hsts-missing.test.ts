import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { recorded } from "../../../test/tester/recording.ts";
import {
  helmetApp,
  html,
  overHttps,
  page,
  RECORDED_HTTPS_URL,
  recordedHtml,
  recordedHttps,
} from "../../../test/fixtures/headers/pages.ts";
import { scanFixture } from "../../../test/support/scan-fixture.ts";
import type { Handler, TestServer } from "../../../test/support/server.ts";

const HTTPS = { scheme: "https" } as const;
const TWO_YEARS = "max-age=63072000; includeSubDomains; preload";

/** https://fixture.test redirects (308) to https://www.fixture.test; only the apex's redirect sends HSTS. */
function apexToWww(hsts: string): Handler {
  return (req, res) => {
    const host = req.headers.host ?? "";
    if (!host.startsWith("www.")) {
      res.writeHead(308, {
        location: `https://www.${host}${req.url ?? "/"}`,
        "strict-transport-security": hsts,
      });
      res.end();
      return;
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html());
  };
}

/** Only the https redirect to the real page sends HSTS, as a locale redirect in front of an app often does. */
const hstsOnRedirect: Handler = (req, res) => {
  if (req.url === "/") {
    res.writeHead(308, { location: "/en", "strict-transport-security": TWO_YEARS }).end();
    return;
  }
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html());
};

testCheck("headers.hsts-missing", {
  vulnerable: [
    { name: "an https page without Strict-Transport-Security", site: recordedHttps({}) },
    // Scanned live over https: the probe→artifact path.
    {
      name: "a header without max-age, which browsers ignore",
      site: overHttps(page({ "strict-transport-security": "includeSubDomains; preload" })),
      scan: HTTPS,
      expect: (finding) => assert.match(finding!.summary, /no max-age/),
    },
    {
      name: "max-age given twice (invalid)",
      site: recordedHttps({ "strict-transport-security": "max-age=63072000; max-age=63072000" }),
    },
  ],
  safe: [
    {
      name: "two years with includeSubDomains",
      site: recordedHttps({ "strict-transport-security": "max-age=63072000; includeSubDomains; preload" }),
    },
    { name: "a plain-http site (HSTS is only read over https)", site: recordedHtml({}) },
    {
      name: "a JSON API over https (only documents are judged)",
      site: recorded(RECORDED_HTTPS_URL).page({ type: "application/json", body: "{}" }),
    },
    // A real framework's defaults, and a redirect, scanned live.
    { name: "helmet defaults over https", site: helmetApp(undefined, true), scan: HTTPS },
    {
      name: "HSTS sent on the https redirect that leads to the page (browsers keep it)",
      site: overHttps(hstsOnRedirect),
      scan: HTTPS,
    },
  ],
});

describe("headers.hsts-missing across an apex-to-www redirect", () => {
  const servers: TestServer[] = [];
  after(async () => Promise.all(servers.map((server) => server.close())));
  const scanApex = async (hsts: string) => {
    const server = await overHttps(apexToWww(hsts)).start();
    servers.push(server);
    const report = await scanFixture(server, {
      scheme: "https",
      host: "fixture.test",
      resolve: [`www.fixture.test:${server.port}:127.0.0.1`],
      only: ["headers.hsts-missing"],
    });
    return report.findings.filter((finding) => finding.id === "headers.hsts-missing");
  };

  it("stays silent when the apex's includeSubDomains policy covers www", async () => {
    assert.deepEqual(await scanApex(TWO_YEARS), []);
  });

  it("finds it when the apex's policy does not include subdomains", async () => {
    const found = await scanApex("max-age=63072000");
    assert.equal(found.length, 1);
    assert.match(found[0]!.url, /^https:\/\/www\.fixture\.test:/);
  });
});
