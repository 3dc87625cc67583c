import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { helmetApp } from "../../../test/fixtures/headers/pages.ts";
import { aboveInfo, scanFixture } from "../../../test/support/scan-fixture.ts";
import type { TestServer } from "../../../test/support/server.ts";

/**
 * helmet's defaults are what most Express apps that care about headers ship: the headers family must find
 * nothing above informational in them (Permissions-Policy, which helmet does not set, is informational).
 */
describe("helmet defaults", () => {
  const servers: TestServer[] = [];
  after(async () => Promise.all(servers.map((server) => server.close())));

  for (const https of [false, true]) {
    it(`report no headers.* finding above informational over ${https ? "https" : "http"}`, async () => {
      const server = await helmetApp(undefined, https).start();
      servers.push(server);
      const report = await scanFixture(server, { only: ["headers"], ...(https ? { scheme: "https" } : {}) });
      assert.equal(report.outcome, "complete", JSON.stringify(report.issues));
      assert.deepEqual(aboveInfo(report), []);
      assert.deepEqual(
        report.findings.map((finding) => finding.id),
        ["headers.permissions-policy-missing"],
      );
    });
  }
});
