import { type Check, type FindingDraft, headerValue, plural } from "../../core/index.ts";
import {
  BaasConfiguration,
  needSupabase,
  SupabaseResponses,
  type SupabaseResponse,
  postgrestCount,
} from "../../artifacts/index.ts";
import { CVSS_READ_ALL, CVSS_READ_SOME, SUPABASE_REFERENCES, webServerFixes } from "./shared.ts";
import { keyedEvidence, safeName } from "./keyed-evidence.ts";

/** Tables whose names say they hold what a site publishes: still reported, at a lower severity. */
const PUBLIC_CONTENT =
  /^(posts?|articles?|blog(_?posts?)?|products?|categor(y|ies)|tags?|pages?|faqs?|testimonials?|features?|plans?|pricing|countries|languages|currencies|announcements?|changelogs?)$/i;

export const tableReadable: Check = {
  meta: {
    id: "supabase.table-readable",
    title: "Anyone can read rows from your Supabase tables",
    cvss: CVSS_READ_ALL,
    cwe: "CWE-862",
    references: SUPABASE_REFERENCES,
    explanation:
      "Your site's JavaScript contains the Supabase URL and anon (public) key, which is normal: every visitor's browser has them. " +
      "What protects your data is Row Level Security (RLS) on each table. For the tables listed here, a request with only that public key returned a row count above zero, " +
      "so anyone can download those rows with a few lines of code, without logging in. " +
      "When RLS is off, the same key can usually insert, change and delete rows too (the scanner only read a count, it never writes). " +
      "This happens when tables are created from the SQL editor or by code without `enable row level security`, or with a policy like `using (true)`.",
    fixes: {
      supabase: [
        "Turn Row Level Security on for every table in the `public` schema, then allow only what each user should see:",
        "```sql",
        "alter table public.profiles enable row level security;",
        "",
        "-- Each signed-in user reads (and updates) only their own row.",
        'create policy "Users read their own profile" on public.profiles',
        "  for select to authenticated using ((select auth.uid()) = id);",
        "",
        "-- A table that really is public (a product catalogue): say so explicitly, read-only.",
        'create policy "Anyone can read products" on public.products',
        "  for select to anon, authenticated using (true);",
        "```",
        "Then open **Advisors → Security Advisor** in the dashboard: it lists every table with RLS disabled. Remove `using (true)` policies from tables that hold private data.",
      ].join("\n"),
      ...webServerFixes(
        "no middleware, header or route of yours can stop a visitor from reading a table that Row Level Security leaves open.",
      ),
    },
    learn: "supabase-rls#table-readable",
    needs: [needSupabase("tables"), BaasConfiguration],
  },
  analyse(artifacts) {
    const readable = new Map<string, Array<{ response: SupabaseResponse; table: string; count: number }>>();
    for (const response of artifacts.read(SupabaseResponses)) {
      if (response.kind !== "table") continue;
      const count = postgrestCount(response.exchange);
      const table = response.table;
      // RLS on with no policy answers 200 with zero rows: locked, not a finding.
      if (count === null || count <= 0 || !table) continue;
      const band = PUBLIC_CONTENT.test(table) ? "public-content" : "private";
      const key = `${response.project}|${band}`;
      readable.set(key, [...(readable.get(key) ?? []), { response, table, count }]);
    }
    const rpcs = artifacts.read(BaasConfiguration).supabase.rpcs.slice(0, 10).map(safeName);
    const drafts: FindingDraft[] = [];
    for (const [key, tables] of readable) {
      const [project = "", band] = key.split("|");
      const first = tables[0]!;
      const list = tables
        .map(({ table, count }) => `${safeName(table)} (${plural(count, "row")})`)
        .join(", ");
      drafts.push({
        url: `${project}/rest/v1/${encodeURIComponent(first.table)}`,
        groupKey: key,
        ...(band === "public-content" ? { cvss: CVSS_READ_SOME } : {}),
        summary:
          `The public key reads ${plural(tables.length, "table")} of ${project} without logging in: ${list}.` +
          (band === "public-content"
            ? ` ${tables.length === 1 ? "Its name suggests" : "Their names suggest"} content meant to be public: confirm that is intended.`
            : ""),
        evidence: tables.slice(0, 3).map(({ response: { exchange }, table, count }) =>
          keyedEvidence(
            exchange,
            `A count-only request for table ${safeName(table)} with the public key answered ${plural(count, "row")}.`,
            {
              headers: ["content-range", "content-type"],
              excerpt: `(no rows fetched: HEAD asked for the count only; Content-Range: ${headerValue(exchange.response!.headers, "content-range") ?? ""})`,
            },
          ),
        ),
        details: {
          project,
          tables: tables.map(({ table, count }) => `${safeName(table)}=${count}`).join(", "),
          keyKind: first.response.keyKind,
          keyFoundIn: first.response.keyFoundIn,
          ...(rpcs.length > 0 ? { rpcsNamedNotCalled: rpcs.join(", ") } : {}),
        },
      });
    }
    return drafts;
  },
};
