import { bodyText, defineProbeArtifact, type Exchange, mimeType, type Recording } from "../core/index.ts";
import { readTags } from "./html-tags.ts";

/** The storage services whose buckets are asked for a listing. */
export type BucketProvider = "s3" | "gcs" | "azure";

export const PROVIDER_NAMES: Readonly<Record<BucketProvider, string>> = {
  s3: "Amazon S3 bucket",
  gcs: "Google Cloud Storage bucket",
  azure: "Azure Blob Storage container",
};

/** A bucket the site's page or bundles name, and the one read-only listing request that asks it. */
export interface BucketReference {
  provider: BucketProvider;
  /** The bucket (S3, GCS) or `account/container` (Azure). */
  bucket: string;
  /** GET this URL for a one-object listing. */
  listUrl: string;
}

/** The probe that asks for the listings (written by probes/exposure, read here). */
export const CLOUD_BUCKETS_PROBE = "cloud-buckets";
/** Its listing request; `labels.provider`, `labels.bucket` and `labels.foundIn` say what and where from. */
export const BUCKET_LISTING_ROLE = "bucket-listing";

/** Names from documentation and SDK examples: a bundle that quotes one does not use it. */
const PLACEHOLDERS = new Set([
  "bucket",
  "bucket-name",
  "bucketname",
  "my-bucket",
  "mybucket",
  "your-bucket",
  "yourbucket",
  "example",
  "example-bucket",
  "examplebucket",
  "awsexamplebucket",
  "awsexamplebucket1",
  "doc-example-bucket",
  "amzn-s3-demo-bucket",
  "mystorageaccount",
  "myaccount",
  "account",
  "container",
  "mycontainer",
]);
/** Path segments of the services' own APIs and namespaces, never buckets (`s3.amazonaws.com/doc/2006-03-01/`). */
const NOT_BUCKETS = new Set(["doc", "storage", "upload", "download", "batch", "favicon.ico"]);

const BUCKET_NAME = /^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$/;
const CONTAINER_NAME = /^([a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])?|\$web|\$root)$/;
const ACCOUNT_NAME = /^[a-z0-9]{3,24}$/;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
/** Most occurrences of a service's domain read per text: a bundle naming thousands is an SDK's tables. */
const MAX_OCCURRENCES = 200;
const HOST_CHARS = /[a-z0-9.-]/i;
const MARKERS = ["amazonaws.com", "storage.googleapis.com", "blob.core.windows.net"];

function usable(name: string): boolean {
  return BUCKET_NAME.test(name) && !name.includes("..") && !PLACEHOLDERS.has(name) && !NOT_BUCKETS.has(name);
}

/**
 * The buckets a text names, in S3's virtual-host (`b.s3.amazonaws.com`, `b.s3.eu-west-1.amazonaws.com`,
 * `b.s3-website-us-east-1.amazonaws.com`) and path styles (`s3.amazonaws.com/b`), Google Cloud Storage's
 * (`storage.googleapis.com/b`, `b.storage.googleapis.com`) and Azure Blob's (`a.blob.core.windows.net/c`).
 * Linear in the text: each occurrence of a service domain is read outwards from where it was found.
 */
export function bucketReferences(text: string): BucketReference[] {
  const found = new Map<string, BucketReference>();
  for (const marker of MARKERS) {
    let seen = 0;
    for (
      let at = text.indexOf(marker);
      at >= 0 && seen < MAX_OCCURRENCES;
      at = text.indexOf(marker, at + 1)
    ) {
      seen++;
      let start = at;
      while (start > 0 && at - start < 255 && HOST_CHARS.test(text[start - 1]!)) start--;
      const end = at + marker.length;
      if (end < text.length && /[\w-]/.test(text[end]!)) continue;
      const host = text
        .slice(start, end)
        .toLowerCase()
        .replace(/^[.-]+/, "");
      const path =
        text[end] === "/" ? (/^\/([^\s"'`?#<>\\]{0,300})/.exec(text.slice(end, end + 302))?.[1] ?? "") : "";
      const reference = classify(host, path.toLowerCase().split("/"));
      if (reference && !found.has(reference.listUrl)) found.set(reference.listUrl, reference);
    }
  }
  return [...found.values()];
}

function classify(host: string, segments: string[]): BucketReference | null {
  if (host.endsWith(".amazonaws.com")) return s3(host, segments);
  if (host === "storage.googleapis.com") {
    // The JSON API names its bucket after /b/: storage.googleapis.com/storage/v1/b/BUCKET/o
    const bucket = segments[0] === "storage" && segments[2] === "b" ? segments[3] : segments[0];
    return bucket && usable(bucket) ? gcs(bucket) : null;
  }
  if (host.endsWith(".storage.googleapis.com")) {
    const bucket = host.slice(0, -".storage.googleapis.com".length);
    return usable(bucket) ? gcs(bucket) : null;
  }
  if (host.endsWith(".blob.core.windows.net")) {
    const account = host.slice(0, -".blob.core.windows.net".length);
    const container = segments[0] ?? "";
    if (!ACCOUNT_NAME.test(account) || !CONTAINER_NAME.test(container) || PLACEHOLDERS.has(account))
      return null;
    if (PLACEHOLDERS.has(container)) return null;
    return {
      provider: "azure",
      bucket: `${account}/${container}`,
      listUrl: `https://${host}/${encodeURIComponent(container)}?restype=container&comp=list&maxresults=1`,
    };
  }
  return null;
}

function gcs(bucket: string): BucketReference {
  return { provider: "gcs", bucket, listUrl: `https://storage.googleapis.com/${bucket}?max-keys=1` };
}

/** S3 host names: [bucket.]s3[.-region | -website...][.region].amazonaws.com */
function s3(host: string, segments: string[]): BucketReference | null {
  const labels = host.slice(0, -".amazonaws.com".length).split(".");
  const at = labels.findIndex((label) => label === "s3" || label.startsWith("s3-"));
  if (at < 0) return null;
  const service = labels[at]!;
  const rest = labels.slice(at + 1);
  // Access points, Object Lambda and the control plane are not buckets.
  if (/^s3-(accesspoint|control|object-lambda|outposts)/.test(service)) return null;
  if (!rest.every((label) => label === "dualstack" || label === "s3-website" || REGION.test(label)))
    return null;
  const website = service.startsWith("s3-website") || rest.includes("s3-website");
  const region =
    rest.find((label) => REGION.test(label)) ??
    (/^s3-(?:website[-.])?([a-z]{2}(?:-[a-z]+)+-\d{1,2})$/.exec(service)?.[1] || undefined);
  const query = "?list-type=2&max-keys=1";
  if (at === 0) {
    const bucket = segments[0] ?? "";
    if (!usable(bucket) || website) return null;
    return { provider: "s3", bucket, listUrl: `https://${host}/${bucket}${query}` };
  }
  const bucket = labels.slice(0, at).join(".");
  if (!usable(bucket)) return null;
  // A website endpoint serves pages, not listings: ask the bucket's REST endpoint in the same region.
  const listHost = website ? `${bucket}.s3${region ? `.${region}` : ""}.amazonaws.com` : host;
  return { provider: "s3", bucket, listUrl: `https://${listHost}/${query}` };
}

/** One listing request the probe sent, with the bucket it asked and where the site named it. */
export interface BucketListingRequest {
  exchange: Exchange;
  provider: BucketProvider;
  bucket: string;
  /** The page or bundle URL that names the bucket. */
  foundIn: string;
}

function isProvider(value: string | undefined): value is BucketProvider {
  return value === "s3" || value === "gcs" || value === "azure";
}

/** The listing requests, one per bucket: the last hop of each (a 307 to the bucket's region is followed). */
export const CloudBucketListings = defineProbeArtifact(
  "cloud-bucket-listings",
  (recording: Recording): BucketListingRequest[] => {
    const byBucket = new Map<string, BucketListingRequest>();
    for (const exchange of recording.exchanges) {
      if (exchange.probe !== CLOUD_BUCKETS_PROBE || exchange.labels.role !== BUCKET_LISTING_ROLE) continue;
      const { provider, bucket, foundIn } = exchange.labels;
      if (!isProvider(provider) || !bucket) continue;
      byBucket.set(`${provider}|${bucket}`, { exchange, provider, bucket, foundIn: foundIn ?? "" });
    }
    return [...byBucket.values()];
  },
);

/** What a storage service's listing says, read without building a tree (the body is hostile). */
export interface BucketListing {
  /** The bucket or container the listing names (`<Name>`, `ContainerName`), when it names one. */
  name?: string;
  /** Object entries in this page of the listing. */
  objects: number;
  /** The service says there are more. */
  truncated: boolean;
}

/**
 * The listing in an answer: S3's and Google Cloud Storage's `<ListBucketResult>`, Azure's
 * `<EnumerationResults>` with its `<Blobs>`. Null for anything else: an `<Error>` (AccessDenied,
 * NoSuchBucket, PublicAccessNotPermitted), an HTML page, a non-200 answer.
 */
export function bucketListing(exchange: Exchange): BucketListing | null {
  const response = exchange.response;
  if (response?.status !== 200) return null;
  if (/html/.test(mimeType(response.headers))) return null;
  let root = "";
  let blobs = false;
  let objects = 0;
  let current = "";
  let name: string | undefined;
  const texts: Record<string, string> = {};
  readTags(bodyText(response), {
    open(tag, attributes) {
      if (tag === "?xml") return;
      if (!root) {
        root = tag;
        if (attributes.containername) name = attributes.containername;
      }
      if (tag === "contents" || tag === "blob") objects++;
      if (tag === "blobs") blobs = true;
      current = tag;
    },
    text(text) {
      if (current && !(current in texts)) texts[current] = text.trim();
    },
    close() {
      current = "";
    },
  });
  if (root === "listbucketresult") {
    return {
      ...(texts.name ? { name: texts.name } : {}),
      objects,
      truncated: texts.istruncated === "true",
    };
  }
  if (root === "enumerationresults" && blobs) {
    return { ...(name ? { name } : {}), objects, truncated: Boolean(texts.nextmarker) };
  }
  return null;
}
