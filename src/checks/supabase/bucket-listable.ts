import { type Check, type FindingDraft, plural } from "../../core/index.ts";
import {
  needSupabase,
  SupabaseResponses,
  type SupabaseResponse,
  supabaseBuckets,
  supabaseObjectCount,
} from "../../artifacts/index.ts";
import { CVSS_READ_ALL, CVSS_READ_SOME, SUPABASE_REFERENCES, webServerFixes } from "./shared.ts";
import { keyedEvidence, safeName } from "./keyed-evidence.ts";

export const bucketListable: Check = {
  meta: {
    id: "supabase.bucket-listable",
    title: "Anyone can list the files in your Supabase storage bucket",
    cvss: CVSS_READ_SOME,
    cwe: "CWE-862",
    references: [
      {
        title: "Supabase: Storage access control",
        url: "https://supabase.com/docs/guides/storage/security/access-control",
      },
      ...SUPABASE_REFERENCES,
    ],
    explanation:
      "Listing the files of a storage bucket returned file entries to a request made only with your site's public Supabase key. " +
      "Anyone can therefore enumerate every file name in the bucket (user uploads, invoices, avatars) and, when the same policy allows reading, download them. " +
      "For a private bucket this means its files are readable by anyone; for a public bucket it means the 'hard to guess' file URLs are not hidden. " +
      "It comes from a policy on `storage.objects` such as `for select using (true)` or one that forgets to check the owner.",
    fixes: {
      supabase: [
        "Allow listing and reading only of a user's own folder (files stored under `<user id>/...`), with a policy on `storage.objects`:",
        "```sql",
        'drop policy if exists "Public read" on storage.objects;',
        'create policy "Users read their own files" on storage.objects',
        "  for select to authenticated",
        "  using (bucket_id = 'documents' and (storage.foldername(name))[1] = (select auth.uid())::text);",
        "```",
        "For files that must be public (site images), keep the bucket public and give it no `select` policy for `anon`: public URLs keep working, but nobody can list the bucket.",
      ].join("\n"),
      ...webServerFixes(
        "no setting of yours can stop a visitor from listing a bucket whose storage policy allows it.",
      ),
    },
    learn: "supabase-rls#bucket-listable",
    needs: [needSupabase("buckets")],
  },
  analyse(artifacts) {
    const responses = artifacts.read(SupabaseResponses);
    const visibility = new Map<string, boolean | undefined>();
    for (const listing of responses.filter((response) => response.kind === "bucket-list"))
      for (const bucket of supabaseBuckets(listing.exchange))
        visibility.set(`${listing.project}|${bucket.name}`, bucket.public);

    const groups = new Map<string, Array<{ response: SupabaseResponse; bucket: string; count: number }>>();
    for (const response of responses) {
      if (response.kind !== "bucket") continue;
      const count = supabaseObjectCount(response.exchange);
      const bucket = response.bucket;
      if (count === null || count <= 0 || !bucket) continue;
      // Listing a private bucket means its files are readable too: the worse case.
      const band =
        visibility.get(`${response.project}|${bucket}`) === false ? "private" : "public-or-unknown";
      const key = `${response.project}|${band}`;
      groups.set(key, [...(groups.get(key) ?? []), { response, bucket, count }]);
    }
    const drafts: FindingDraft[] = [];
    for (const [key, buckets] of groups) {
      const [project = "", band] = key.split("|");
      const first = buckets[0]!;
      const names = buckets.map(({ bucket }) => safeName(bucket)).join(", ");
      drafts.push({
        url: `${project}/storage/v1/object/list/${encodeURIComponent(first.bucket)}`,
        groupKey: key,
        ...(band === "private" ? { cvss: CVSS_READ_ALL } : {}),
        summary:
          `The public key lists files in ${plural(buckets.length, "bucket")} of ${project}: ${names}.` +
          (band === "private" ? " The bucket is private, so its files are readable by anyone too." : ""),
        evidence: buckets.slice(0, 3).map(({ response: { exchange }, bucket, count }) =>
          keyedEvidence(
            exchange,
            `Listing bucket ${safeName(bucket)} with the public key returned file entries.`,
            {
              headers: ["content-type"],
              excerpt: `(${plural(count, "entry")} returned for a request asking for one; names withheld)`,
            },
          ),
        ),
        details: {
          project,
          buckets: names,
          bucketVisibility: band === "private" ? "private" : "public or unknown",
          keyFoundIn: first.response.keyFoundIn,
        },
      });
    }
    return drafts;
  },
};
