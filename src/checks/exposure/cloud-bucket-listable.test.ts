import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { startStorage, type Storage, type StorageWorld } from "../../../test/fixtures/exposure/buckets.ts";
import { spaSite } from "../../../test/fixtures/sites/spa.ts";
import { scanFixture } from "../../../test/support/scan-fixture.ts";
import { startServer, type Handler, type TestServer } from "../../../test/support/server.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { recorded, type RecordedAnswer } from "../../../test/tester/recording.ts";
import { bucketReferences } from "../../artifacts/index.ts";
import { MAX_BUCKETS } from "../../probes/exposure/cloud-buckets.ts";

const ID = "exposure.cloud-bucket-listable";

/** A page that loads its images and files from the given URLs (in markup and in an inline script). */
function pageNaming(urls: readonly string[]): Handler {
  const html = `<!doctype html><title>Shop</title>${urls
    .slice(0, 1)
    .map((url) => `<img src="${url}">`)
    .join("")}<script>const files = ${JSON.stringify(urls.slice(1))};</script>`;
  return (_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(html);
}

const WORLD: StorageWorld = {
  s3: { "shop-uploads": 40, "shop-private": "denied", "shop-empty": 0 },
  gcs: { "shop-gcs": 3 },
  azure: { "shopacct/public-files": 2, "shopacct/blob-only": "denied" },
};
const NAMES = [
  "shop-uploads.s3.amazonaws.com",
  "shop-private.s3.eu-west-1.amazonaws.com",
  "s3.eu-west-1.amazonaws.com",
  "storage.googleapis.com",
  "shopacct.blob.core.windows.net",
];

const servers: Array<TestServer | Storage> = [];
after(async () => Promise.all(servers.map((server) => server.close())));
async function storage(): Promise<Storage> {
  const started = await startStorage(WORLD, NAMES);
  servers.push(started);
  return started;
}
const stored = await storage();
const inStorage = { resolve: stored.resolve };

const XML_ERROR = (code: string) =>
  `<?xml version="1.0"?><Error><Code>${code}</Code><Message>no</Message></Error>`;
const S3_LISTING = `<?xml version="1.0" encoding="UTF-8"?>
<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>shop-media</Name><KeyCount>1</KeyCount><MaxKeys>1</MaxKeys><IsTruncated>true</IsTruncated><Contents><Key>exports/users.csv</Key></Contents></ListBucketResult>`;

function recordedListing(answer: RecordedAnswer, bucket = "shop-media") {
  return recorded()
    .page({ body: `<img src="https://${bucket}.s3.amazonaws.com/logo.png">` })
    .bucketListing("s3", bucket, `https://${bucket}.s3.amazonaws.com/?list-type=2&max-keys=1`, answer);
}

testCheck(ID, {
  vulnerable: [
    {
      name: "a live S3 bucket (virtual-host style) that lists to anyone",
      site: pageNaming(["https://shop-uploads.s3.amazonaws.com/logo.png"]),
      scan: inStorage,
      expect: (finding) => {
        assert.equal(finding?.details.bucket, "shop-uploads");
        assert.equal(finding?.details.objectsSeen, "1");
        assert.equal(finding?.details.more, "true");
        assert.equal(finding?.severity, "medium");
        assert.doesNotMatch(JSON.stringify(finding), /invoice-0/, "object names are withheld");
      },
    },
    {
      name: "a live Google Cloud Storage bucket (path style)",
      site: pageNaming(["https://storage.googleapis.com/shop-gcs/app.css"]),
      scan: inStorage,
      expect: (finding) => assert.equal(finding?.details.provider, "gcs"),
    },
    {
      name: "a live Azure container with container-level anonymous access",
      site: pageNaming(["https://shopacct.blob.core.windows.net/public-files/hero.png"]),
      scan: inStorage,
      expect: (finding) => assert.equal(finding?.details.bucket, "shopacct/public-files"),
    },
    {
      name: "a live empty S3 bucket named path-style in a script",
      site: pageNaming(["/logo.png", "https://s3.eu-west-1.amazonaws.com/shop-empty/"]),
      scan: inStorage,
      expect: (finding) => assert.match(finding?.summary ?? "", /empty today/),
    },
    { name: "a recorded S3 listing", site: recordedListing({ body: S3_LISTING }) },
  ],
  safe: [
    {
      name: "a live S3 bucket that denies listing, and an Azure container with blob-only access",
      site: pageNaming([
        "https://shop-private.s3.eu-west-1.amazonaws.com/a.png",
        "https://shopacct.blob.core.windows.net/blob-only/b.png",
      ]),
      scan: inStorage,
      expect: (_finding, report) =>
        assert.equal(report.requests.sent, 3, "the page and one listing per bucket"),
    },
    {
      name: "a page naming no bucket sends no listing request",
      site: pageNaming(["/logo.png"]),
      scan: inStorage,
      expect: (_finding, report) => assert.equal(report.requests.sent, 1),
    },
    { name: "AccessDenied", site: recordedListing({ status: 403, body: XML_ERROR("AccessDenied") }) },
    { name: "NoSuchBucket", site: recordedListing({ status: 404, body: XML_ERROR("NoSuchBucket") }) },
    {
      // A host that answers everything with its index page (a catch-all in front of the name).
      name: "an HTML page at the bucket's address",
      site: recordedListing({ type: "text/html", body: "<!doctype html><title>App</title>" }),
    },
    {
      name: "a listing of another bucket than the one asked",
      site: recordedListing({ body: S3_LISTING.replace("shop-media", "someone-else") }),
    },
    { name: "a single-page app naming no bucket", site: spaSite },
  ],
});

describe("the cloud-buckets probe", () => {
  it(`asks at most ${MAX_BUCKETS} buckets, with GETs only`, async () => {
    const many = Array.from({ length: 8 }, (_, i) => `https://shop-b${i}.s3.amazonaws.com/x.png`);
    const site = await startServer(pageNaming(many));
    servers.push(site);
    const cloud = await startStorage(
      { s3: {} },
      many.map((url) => new URL(url).hostname),
    );
    servers.push(cloud);
    const report = await scanFixture(site, { only: [ID], resolve: cloud.resolve });
    assert.equal(cloud.seen.length, MAX_BUCKETS);
    assert.ok(cloud.seen.every((request) => request.url === "/?list-type=2&max-keys=1"));
    assert.deepEqual(cloud.writes, []);
    assert.deepEqual(report.findings, []);
  });
});

describe("bucketReferences", () => {
  it("reads the services' host styles and skips placeholders, templates and API namespaces", () => {
    const text = `"https://a-b.s3.amazonaws.com/x" "//media.shop.s3-website-us-east-1.amazonaws.com"
      "https://s3.amazonaws.com/doc/2006-03-01/" "\${bucket}.s3.amazonaws.com" "examplebucket.s3.amazonaws.com"
      "https://gcsb.storage.googleapis.com/" "https://storage.googleapis.com/storage/v1/b/jsonb/o"
      "https://sqs.us-east-1.amazonaws.com/1/q" "https://acct1.blob.core.windows.net/" "s3-accesspoint.amazonaws.com"`;
    assert.deepEqual(
      bucketReferences(text).map(({ provider, bucket, listUrl }) => `${provider} ${bucket} ${listUrl}`),
      [
        "s3 a-b https://a-b.s3.amazonaws.com/?list-type=2&max-keys=1",
        "s3 media.shop https://media.shop.s3.us-east-1.amazonaws.com/?list-type=2&max-keys=1",
        "gcs gcsb https://storage.googleapis.com/gcsb?max-keys=1",
        "gcs jsonb https://storage.googleapis.com/jsonb?max-keys=1",
      ],
    );
  });
});
