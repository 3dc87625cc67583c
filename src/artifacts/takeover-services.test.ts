import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { recorded } from "../../test/tester/recording.ts";
import { judgeRecorded } from "../../test/tester/judge-recorded.ts";
import { TAKEOVER_SERVICES, takeoverServiceFor, takeoverServicesFrom } from "./takeover-services.ts";

/**
 * For every service with a page fingerprint: a page as the service shows an unclaimed name (true sample,
 * written from the service's real wording) and its claimed twin (false sample). A refreshed data file
 * that adds a service fails here until it has samples.
 */
const PAGE_SAMPLES: Record<string, { unclaimed: string; claimed: string }> = {
  "AWS/S3": {
    unclaimed:
      "<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message></Error>",
    claimed: "<ListBucketResult><Name>assets</Name></ListBucketResult>",
  },
  "Agile CRM": {
    unclaimed: "<p>Sorry, this page is no longer available.</p>",
    claimed: "<p>Sign in to Agile CRM</p>",
  },
  "Airee.ru": {
    unclaimed: "<h1>Ошибка 402. Сервис Айри.рф не оплачен</h1>",
    claimed: "<h1>Добро пожаловать</h1>",
  },
  Anima: {
    unclaimed: "<h1>The page you were looking for does not exist.</h1>",
    claimed: "<h1>Our product</h1>",
  },
  Bitbucket: { unclaimed: "<h1>Repository not found</h1>", claimed: "<h1>Project documentation</h1>" },
  Gemfury: { unclaimed: "<h2>404: This page could not be found.</h2>", claimed: "<h2>Private packages</h2>" },
  Ghost: {
    unclaimed: "<p>Failed to resolve DNS path for this host</p>",
    claimed: "<p>Our blog, powered by Ghost</p>",
  },
  HatenaBlog: { unclaimed: "<h1>404 Blog is not found</h1>", claimed: "<h1>My Hatena blog</h1>" },
  "Help Juice": {
    unclaimed: "<h2>We could not find what you're looking for.</h2>",
    claimed: "<h2>Help center</h2>",
  },
  "Help Scout": {
    unclaimed: "<p>No settings were found for this company:</p>",
    claimed: "<p>Knowledge base</p>",
  },
  JetBrains: {
    unclaimed: "<p>shop is not a registered InCloud YouTrack.</p>",
    claimed: "<p>YouTrack issues</p>",
  },
  Ngrok: { unclaimed: "Tunnel 1a2b3c.ngrok.io not found", claimed: "Hello from my laptop" },
  "Readme.io": {
    unclaimed: "<h1>The creators of this project are still working on making everything perfect!</h1>",
    claimed: "<h1>API reference</h1>",
  },
  Strikingly: { unclaimed: "<h1>PAGE NOT FOUND.</h1>", claimed: "<h1>Portfolio</h1>" },
  "Surge.sh": { unclaimed: "<h1>project not found</h1>", claimed: "<h1>Landing page</h1>" },
  SurveySparrow: { unclaimed: "<h2>Account not found.</h2>", claimed: "<h2>Customer survey</h2>" },
  Uberflip: {
    unclaimed: "<p>The URL you've accessed does not provide a hub.</p>",
    claimed: "<p>Content hub</p>",
  },
  Uptimerobot: { unclaimed: "<h1>page not found</h1>", claimed: "<h1>All systems operational</h1>" },
  Wordpress: {
    unclaimed: "<p>Do you want to register shop.wordpress.com?</p>",
    claimed: "<p>Just another WordPress site</p>",
  },
  Worksites: {
    unclaimed: "<p>Hello! Sorry, but the website you&rsquo;re looking for doesn&rsquo;t exist.</p>",
    claimed: "<p>Welcome to our worksite</p>",
  },
};

/** A recording where app.fixture.test has a CNAME to `target`, with that chain's end and the host's page. */
function pointingAt(target: string, end: "no-data" | "no-such-name", page?: string) {
  const host = "app.fixture.test";
  const recording = recorded()
    .page()
    .dns("cname", host, "CNAME", [target], { host })
    .dns("cname", target, "CNAME", end, { host });
  if (page !== undefined)
    recording.takeoverPage(host, "http://app.fixture.test:8080/", { status: 404, body: page });
  return recording.build();
}

const found = (recording: ReturnType<typeof pointingAt>) =>
  judgeRecorded("dns.subdomain-takeover", recording).findings.map((finding) => finding.details?.service);

describe("takeover services (can-i-take-over-xyz)", () => {
  it("has samples for exactly the services with a page fingerprint", () => {
    const withPages = TAKEOVER_SERVICES.filter((service) => service.sign.kind === "body").map((s) => s.name);
    assert.deepEqual(withPages.sort(), Object.keys(PAGE_SAMPLES).sort());
  });

  for (const service of TAKEOVER_SERVICES) {
    const target = `shop.${service.cnameSuffixes[0]}`;
    if (service.sign.kind === "nxdomain") {
      it(`${service.name}: NXDOMAIN at ${target} is a takeover, an existing name is not`, () => {
        assert.deepEqual(found(pointingAt(target, "no-such-name")), [service.name]);
        assert.deepEqual(found(pointingAt(target, "no-data")), []);
      });
    } else {
      it(`${service.name}: its "nothing here" page is a takeover, a claimed page is not`, () => {
        const samples = PAGE_SAMPLES[service.name]!;
        assert.deepEqual(found(pointingAt(target, "no-data", samples.unclaimed)), [service.name]);
        assert.deepEqual(found(pointingAt(target, "no-data", samples.claimed)), []);
      });
    }
  }

  it("a fingerprint page on a host whose CNAME points elsewhere is not a takeover", () => {
    assert.deepEqual(
      found(pointingAt("shop.example-cdn.test", "no-data", PAGE_SAMPLES["AWS/S3"]!.unclaimed)),
      [],
    );
  });

  it("matches whole labels: not-s3.amazonaws.com.evil.test is not S3", () => {
    assert.equal(takeoverServiceFor("x.s3.amazonaws.com.evil.test"), undefined);
    assert.equal(takeoverServiceFor("bucket.S3.AmazonAWS.com.")?.name, "AWS/S3");
  });

  it("keeps only vulnerable services with a CNAME and an observable sign", () => {
    const services = takeoverServicesFrom([
      { service: "Edge", cname: ["edge.test"], fingerprint: "gone", nxdomain: false, vulnerable: false },
      { service: "NoCname", cname: [], fingerprint: "gone", nxdomain: false, vulnerable: true },
      {
        service: "Status",
        cname: ["status.test"],
        fingerprint: "HTTP_STATUS=500",
        nxdomain: false,
        vulnerable: true,
      },
      { service: "IpOnly", cname: ["192.0.2.1"], fingerprint: "gone", nxdomain: false, vulnerable: true },
      { service: "Kept", cname: ["kept.test"], fingerprint: "a.b", nxdomain: false, vulnerable: true },
    ]);
    assert.deepEqual(
      services.map((s) => s.name),
      ["Kept"],
    );
    // Plain-text fingerprints are literal: "a.b" does not match "axb".
    const kept = services[0]!;
    assert.ok(kept.sign.kind === "body" && !kept.sign.pattern.test("axb") && kept.sign.pattern.test("a.b"));
  });
});
