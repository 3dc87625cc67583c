import assert from "node:assert/strict";
import type { IncomingMessage, ServerResponse } from "node:http";
import { recorded } from "../../../test/tester/recording.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { dnsServerForFile, throughDns } from "../../../test/support/dns-site.ts";

/** What S3 answers for a bucket name nobody owns (the fingerprint can-i-take-over-xyz lists). */
const NO_SUCH_BUCKET =
  '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message><BucketName>assets</BucketName></Error>';

/**
 * One loopback server plays every host: the page links to `assets.` and `docs.` of its own domain (on its
 * own port), and a Host header under `gone` gets S3's "no such bucket" answer.
 */
function site(req: IncomingMessage, res: ServerResponse): void {
  const host = req.headers.host ?? "";
  const [name = "", port = ""] = host.split(":");
  const domain = name.split(".").slice(1).join(".");
  if (name.startsWith("assets.") && domain.startsWith("gone")) {
    res.writeHead(404, { "content-type": "application/xml" });
    res.end(NO_SUCH_BUCKET);
    return;
  }
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.end(
    `<!doctype html><title>Shop</title><script src="http://assets.${domain}:${port}/app.js"></script><a href="http://docs.${domain}:${port}/">Docs</a>`,
  );
}

const dns = await dnsServerForFile({
  records: [
    // gone-bucket.test: assets. points at an S3 bucket nobody owns; the bucket host resolves to loopback.
    { name: "app.gone-bucket.test", type: "A", data: "127.0.0.1" },
    { name: "assets.gone-bucket.test", type: "CNAME", data: "shop-assets.s3.amazonaws.com" },
    { name: "shop-assets.s3.amazonaws.com", type: "A", data: "127.0.0.1" },
    // gone-azure.test: docs. points at an Azure web app name that no longer exists (NXDOMAIN is the sign).
    { name: "app.gone-azure.test", type: "A", data: "127.0.0.1" },
    { name: "docs.gone-azure.test", type: "CNAME", data: "shop-docs.azurewebsites.net" },
    // owned-bucket.test: the same S3 CNAME, but the bucket exists and serves the page.
    { name: "app.owned-bucket.test", type: "A", data: "127.0.0.1" },
    { name: "assets.owned-bucket.test", type: "CNAME", data: "shop-assets2.s3.amazonaws.com" },
    { name: "shop-assets2.s3.amazonaws.com", type: "A", data: "127.0.0.1" },
    // owned-azure.test: the Azure name resolves, so the app exists.
    { name: "app.owned-azure.test", type: "A", data: "127.0.0.1" },
    { name: "docs.owned-azure.test", type: "CNAME", data: "shop-docs2.azurewebsites.net" },
    { name: "shop-docs2.azurewebsites.net", type: "A", data: "127.0.0.1" },
    // unlisted.test: a dangling CNAME to a service the data does not mark vulnerable (GitHub Pages is an
    // "edge case") and to a name of no known service: not a finding, however dangling.
    { name: "app.unlisted.test", type: "A", data: "127.0.0.1" },
    { name: "docs.unlisted.test", type: "CNAME", data: "someone.github.io" },
    { name: "assets.unlisted.test", type: "CNAME", data: "cdn.gone-vendor.test" },
  ],
});

testCheck("dns.subdomain-takeover", {
  vulnerable: [
    {
      name: "live: a linked host's CNAME to an S3 bucket that does not exist",
      site,
      scan: throughDns(dns, "app.gone-bucket.test"),
      expect: (finding) => {
        assert.equal(finding?.details?.host, "assets.gone-bucket.test");
        assert.equal(finding?.details?.service, "AWS/S3");
        assert.match(finding?.evidence[0]?.note ?? "", /specified bucket does not exist/);
      },
    },
    {
      name: "live: a linked host's CNAME to an Azure name that is NXDOMAIN",
      site,
      scan: throughDns(dns, "app.gone-azure.test"),
      expect: (finding) => assert.equal(finding?.details?.target, "shop-docs.azurewebsites.net"),
    },
    {
      name: "recorded: the target host itself points at an unclaimed Bitbucket site",
      site: recorded()
        .page()
        .dns("cname", "app.fixture.test", "CNAME", ["shop.bitbucket.io"], { host: "app.fixture.test" })
        .dns("cname", "shop.bitbucket.io", "CNAME", "no-data", { host: "app.fixture.test" })
        .takeoverPage("app.fixture.test", "http://app.fixture.test:8080/", {
          status: 404,
          body: "<h1>Repository not found</h1>",
        }),
    },
  ],
  safe: [
    { name: "live: the S3 bucket exists", site, scan: throughDns(dns, "app.owned-bucket.test") },
    { name: "live: the Azure name resolves", site, scan: throughDns(dns, "app.owned-azure.test") },
    {
      name: "live: dangling CNAMEs to services not marked vulnerable",
      site,
      scan: throughDns(dns, "app.unlisted.test"),
    },
    {
      name: "recorded: an S3 CNAME whose fetch failed (no page, no fingerprint)",
      site: recorded()
        .page()
        .dns("cname", "app.fixture.test", "CNAME", ["x.s3.amazonaws.com"], { host: "app.fixture.test" })
        .dns("cname", "x.s3.amazonaws.com", "CNAME", "no-data", { host: "app.fixture.test" }),
    },
    {
      name: "recorded: an Azure CNAME whose end could not be resolved (timeout, not NXDOMAIN)",
      site: recorded()
        .page()
        .dns("cname", "app.fixture.test", "CNAME", ["x.azurewebsites.net"], { host: "app.fixture.test" })
        .dns("cname", "x.azurewebsites.net", "CNAME", "failed", { host: "app.fixture.test" }),
    },
  ],
});
