import { type Check, evidenceFrom, type FindingDraft, plural } from "../../core/index.ts";
import {
  bucketListing,
  type BucketListing,
  type BucketListingRequest,
  CloudBucketListings,
  PROVIDER_NAMES,
} from "../../artifacts/index.ts";

export const cloudBucketListable: Check = {
  meta: {
    id: "exposure.cloud-bucket-listable",
    title: "A storage bucket your site uses lists its files to anyone",
    cvss: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N",
    cwe: "CWE-732",
    references: [
      {
        title: "AWS: Blocking public access to your Amazon S3 storage",
        url: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html",
      },
      {
        title: "Google Cloud: Making data public (and the roles that allow listing)",
        url: "https://cloud.google.com/storage/docs/access-control/making-data-public",
      },
      {
        title: "Azure: Configure anonymous read access for containers and blobs",
        url: "https://learn.microsoft.com/en-us/azure/storage/blobs/anonymous-read-access-configure",
      },
      {
        title: "CWE-732: Incorrect Permission Assignment for Critical Resource",
        url: "https://cwe.mitre.org/data/definitions/732.html",
      },
    ],
    explanation:
      "Your page or its JavaScript loads files from a cloud storage bucket (Amazon S3, Google Cloud Storage or Azure Blob Storage), and that bucket answers a listing request from anyone: the scanner asked it, without any credentials, for the first object in it, and got the list back. " +
      "Serving some files publicly is fine; letting anyone list the bucket is not. With the listing an attacker reads every file name in it and downloads whatever is readable: user uploads, exports, backups, invoices that were only safe while nobody knew their names. " +
      "It comes from a bucket policy or ACL that grants list access to everyone (`s3:ListBucket` for `*`, `allUsers` as Storage Object Viewer, an Azure container with 'Container' anonymous access).",
    fixes: {
      express: [
        "Remove the list permission from the bucket (see the nginx entry for the commands), and serve private files through your app with short-lived signed URLs instead of a public bucket:",
        "```js",
        "import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';",
        "import { getSignedUrl } from '@aws-sdk/s3-request-presigner';",
        "",
        "app.get('/files/:key', requireUser, async (req, res) => {",
        "  const command = new GetObjectCommand({ Bucket: 'shop-uploads', Key: `${req.user.id}/${req.params.key}` });",
        "  res.redirect(await getSignedUrl(new S3Client({}), command, { expiresIn: 300 }));",
        "});",
        "```",
      ].join("\n"),
      nextjs:
        "Keep public assets in `public/` or behind your CDN, and hand out signed URLs from a route handler for anything private (`getSignedUrl` from `@aws-sdk/s3-request-presigner`, `file.getSignedUrl()` in `@google-cloud/storage`, a SAS token for Azure). Then remove the bucket's anonymous list permission (see the nginx entry).",
      fastapi: [
        "Sign URLs on the server (`boto3`), and take the list permission away from everyone:",
        "```python",
        "url = s3.generate_presigned_url('get_object', Params={'Bucket': 'shop-uploads', 'Key': key}, ExpiresIn=300)",
        "```",
      ].join("\n"),
      nginx: [
        "The fix is in the bucket, not the web server. Remove anonymous listing:",
        "```sh",
        "# S3: block public access (or drop s3:ListBucket for Principal * from the bucket policy)",
        "aws s3api put-public-access-block --bucket BUCKET --public-access-block-configuration \\",
        "  BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true",
        "# Google Cloud Storage: allUsers may read objects it knows the names of, not list them",
        "gcloud storage buckets remove-iam-policy-binding gs://BUCKET --member=allUsers --role=roles/storage.objectViewer",
        "gcloud storage buckets add-iam-policy-binding gs://BUCKET --member=allUsers --role=roles/storage.legacyObjectReader",
        "# Azure: anonymous access to blobs only (or off)",
        "az storage container set-permission --account-name ACCOUNT --name CONTAINER --public-access blob",
        "```",
        "If nginx proxies the bucket, proxy object paths only: `location = / { return 404; }` before the `proxy_pass`.",
      ].join("\n"),
      cloudflare:
        "If Cloudflare fronts the bucket, a listing still reaches the bucket's own host name: fix the bucket's permissions (see the nginx entry). Cloudflare R2 buckets are private unless you enable public access.",
    },
    learn: "exposed-files#cloud-bucket-listable",
    needs: [CloudBucketListings],
  },
  analyse(artifacts) {
    const drafts: FindingDraft[] = [];
    for (const request of artifacts.read(CloudBucketListings)) {
      const listing = bucketListing(request.exchange);
      if (!listing || !namesTheBucket(listing, request)) continue;
      const what = `The ${PROVIDER_NAMES[request.provider]} ${request.bucket}`;
      const seen =
        listing.objects === 0
          ? "it is empty today, and anything put in it will be listed"
          : `${plural(listing.objects, "object")} returned for a request asking for one${listing.truncated ? ", and it says more follow" : ""}`;
      drafts.push({
        url: request.exchange.request.url,
        groupKey: `${request.provider}|${request.bucket}`,
        summary: `${what}, named in ${request.foundIn || "the site"}, lists its objects to anyone: ${seen}.`,
        evidence: [
          evidenceFrom(request.exchange, `${what} answered an anonymous listing request.`, {
            headers: ["content-type", "server"],
            excerpt: `(${seen}; object names withheld)`,
          }),
        ],
        details: {
          provider: request.provider,
          bucket: request.bucket,
          objectsSeen: String(listing.objects),
          more: String(listing.truncated),
          foundIn: request.foundIn,
        },
      });
    }
    return drafts;
  },
};

/** The listing is of the bucket asked: S3 and GCS name it; Azure names the container (or its URL). */
function namesTheBucket(listing: BucketListing, request: BucketListingRequest): boolean {
  if (request.provider === "azure") {
    const container = request.bucket.split("/")[1] ?? "";
    return listing.name === undefined || listing.name === container || listing.name.endsWith(`/${container}`);
  }
  return listing.name?.toLowerCase() === request.bucket;
}
