import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startDnsServer, wellConfiguredZone, type TestDnsServer } from "../../../test/support/dns-server.ts";
import { plainPage } from "../../../test/support/dns-site.ts";
import { scanFixture } from "../../../test/support/scan-fixture.ts";
import { scanUrl } from "../../../test/support/scan-url.ts";
import { startServer, type TestServer } from "../../../test/support/server.ts";
import type { RecordedScan } from "../../engine/recording-file.ts";

describe("dns probe", () => {
  let dns: TestDnsServer;
  let site: TestServer;
  before(async () => {
    dns = await startDnsServer({ records: wellConfiguredZone("probe.test", ["app.probe.test"]) });
    site = await startServer(plainPage);
  });
  after(async () => {
    await dns.close();
    await site.close();
  });

  for (const host of ["127.0.0.1", "localhost"]) {
    it(`asks nothing for ${host}, which has no registrable domain`, async () => {
      const asked = dns.questions.length;
      const report = await scanUrl(`http://${host}:${site.port}/`, {
        only: ["dns"],
        dnsServer: dns.address,
        timeoutMs: 10_000,
      });
      assert.equal(report.outcome, "complete");
      assert.deepEqual(report.findings, []);
      assert.deepEqual(dns.questions.slice(asked), [], "no DNS question for a loopback target");
    });
  }

  it("asks only what the selected checks need (CAA for dns.caa-missing)", async () => {
    const asked = dns.questions.length;
    await scanFixture(site, { host: "app.probe.test", only: ["dns.caa-missing"], dnsServer: dns.address });
    assert.deepEqual(dns.questions.slice(asked), ["CAA app.probe.test", "CAA probe.test"]);
  });

  it("asks the mail records, SPF includes, CAA, CNAMEs, NS and AXFR for the whole family", async () => {
    const asked = dns.questions.length;
    await scanFixture(site, {
      host: "app.probe.test",
      only: ["dns"],
      dnsServer: dns.address,
      resolve: [`ns1.probe.test:53:127.0.0.1:${dns.port}`],
    });
    const questions = dns.questions.slice(asked).sort();
    assert.deepEqual(questions, [
      "AXFR probe.test",
      "CAA app.probe.test",
      "CAA probe.test",
      "CNAME app.probe.test",
      "MX probe.test",
      "NS probe.test",
      "TXT _dmarc.probe.test",
      "TXT probe.test",
    ]);
  });

  it("sends the zone transfer through the scan's address guard: a refused name server is never contacted", async () => {
    const asked = dns.questions.length;
    let recorded: RecordedScan | undefined;
    // scanFixture's guard admits 127.0.0.1 and ::1 only; the name server is pinned to 127.0.0.2.
    await scanFixture(site, {
      host: "app.probe.test",
      only: ["dns.zone-transfer"],
      dnsServer: dns.address,
      resolve: [`ns1.probe.test:53:127.0.0.2:${dns.port}`],
      onRecorded: (scan) => (recorded = scan),
    });
    const transfer = recorded?.recording.dns?.find((record) => record.type === "AXFR");
    assert.equal(transfer?.outcome, "failed");
    assert.match(transfer?.error ?? "", /^blocked: /);
    assert.deepEqual(dns.questions.slice(asked), ["NS probe.test"]);
  });
});
