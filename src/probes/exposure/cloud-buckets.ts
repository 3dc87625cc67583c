import { bodyText, headerValue } from "../../core/index.ts";
import {
  BUCKET_LISTING_ROLE,
  bucketReferences,
  CLOUD_BUCKETS_PROBE,
  CloudBucketListings,
  type BucketReference,
} from "../../artifacts/index.ts";
import type { Probe, ProbeContext } from "../probe.ts";

/** Buckets asked per scan, whatever the page names: a few are enough to tell, and each is a third party. */
export const MAX_BUCKETS = 5;
/** A one-object listing is a few hundred bytes; an error page is small too. */
const MAX_BODY_BYTES = 64 * 1024;

/**
 * Asks each storage bucket the site's page and bundles name (S3, Google Cloud Storage, Azure Blob) for a
 * listing of one object, with one read-only GET and no credentials, as any visitor could. Nothing is sent
 * when the site names no bucket. The buckets are third-party hosts: the HTTP layer's address guard
 * applies to them as to any request.
 */
export const cloudBucketsProbe: Probe = {
  name: CLOUD_BUCKETS_PROBE,
  title: "Asking the site's storage buckets for a listing",
  after: ["discovery"],
  produces: [CloudBucketListings],
  async run(context) {
    const named = namedBuckets(context).slice(0, MAX_BUCKETS);
    if (named.length === 0) return;
    context.progress(`Asking ${named.length} storage bucket${named.length === 1 ? "" : "s"} for a listing`);
    await Promise.all(
      named.map(({ reference, foundIn }) =>
        context.http.send({
          method: "GET",
          url: reference.listUrl,
          probe: CLOUD_BUCKETS_PROBE,
          labels: {
            role: BUCKET_LISTING_ROLE,
            provider: reference.provider,
            bucket: reference.bucket,
            foundIn,
          },
          headers: { accept: "application/xml, text/xml;q=0.9, */*;q=0.5" },
          // S3 answers a bucket in another region with a 307 to that region's endpoint.
          follow: true,
          maxBodyBytes: MAX_BODY_BYTES,
        }),
      ),
    );
  },
};

/** The buckets the page (its body and its CSP) and the same-site bundles name, first seen first. */
function namedBuckets(context: ProbeContext): Array<{ reference: BucketReference; foundIn: string }> {
  const { discovery } = context;
  const ids = [discovery.pageExchangeId, ...discovery.bundles.map((bundle) => bundle.exchangeId)];
  const named = new Map<string, { reference: BucketReference; foundIn: string }>();
  for (const id of ids) {
    const exchange = context.http.exchanges.find((candidate) => candidate.id === id);
    if (!exchange?.response) continue;
    const csp = headerValue(exchange.response.headers, "content-security-policy") ?? "";
    for (const reference of bucketReferences(`${csp}\n${bodyText(exchange.response)}`)) {
      if (!named.has(reference.listUrl))
        named.set(reference.listUrl, { reference, foundIn: exchange.request.url });
    }
  }
  return [...named.values()];
}
