import type { Check, FindingDraft } from "../../core/index.ts";
import { needSupabase, postgrestSchema, SupabaseResponses } from "../../artifacts/index.ts";
import { SUPABASE_REFERENCES, webServerFixes } from "./shared.ts";
import { keyedEvidence, safeName } from "./keyed-evidence.ts";

/** Names listed in the summary and the details: enough to show the map, bounded for hostile answers. */
const MAX_NAMES = 25;

export const schemaExposed: Check = {
  meta: {
    id: "supabase.schema-exposed",
    title: "The public key reads the database API's full description (tables and functions)",
    cvss: "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N",
    cwe: "CWE-200",
    references: [
      {
        title: "PostgREST: OpenAPI support",
        url: "https://docs.postgrest.org/en/stable/references/api/openapi.html",
      },
      {
        title: "Supabase: Hardening the Data API",
        url: "https://supabase.com/docs/guides/database/hardening-data-api",
      },
      ...SUPABASE_REFERENCES,
    ],
    explanation:
      "Anyone with your app's public Supabase key (every visitor's browser has it) can ask `/rest/v1/` for the OpenAPI description of your database API. " +
      "It lists every table, view and function that the `anon` role is granted, with their columns and parameters: no rows, but a precise map of what to try next " +
      "(a `users_private` table, an `admin_reset` function). Row Level Security still decides what can be read, so this is not a leak of data by itself. " +
      "Keep internal tables out of the exposed schemas (a `private` schema), revoke `anon`'s privileges on what visitors never need, and make sure each listed function is meant to be public.",
    fixes: {
      supabase: [
        "Move internal tables and functions to a schema the API does not expose, and take privileges away from the public roles:",
        "```sql",
        "create schema if not exists private;",
        "alter table public.audit_log set schema private;",
        "revoke all on all tables in schema public from anon;         -- then grant back only what visitors need",
        "grant select on public.products to anon;",
        "revoke execute on function public.admin_reset() from anon, public;",
        "```",
        "PostgREST lists only what the requesting role is granted, so the description shrinks with the privileges. Under **Settings → API → Exposed schemas**, keep only the schemas clients need.",
      ].join("\n"),
      ...webServerFixes("the description is served by Supabase, not by your server."),
    },
    learn: "supabase-rls#schema-exposed",
    needs: [needSupabase("schema")],
  },
  analyse(artifacts) {
    return artifacts.read(SupabaseResponses).flatMap(({ kind, exchange, project }): FindingDraft[] => {
      if (kind !== "openapi") return [];
      const schema = postgrestSchema(exchange);
      if (!schema) return [];
      const tables = schema.tables.map(safeName);
      const functions = schema.functions.map(safeName);
      const list = (names: string[]) =>
        names.length === 0
          ? "none"
          : `${names.slice(0, MAX_NAMES).join(", ")}${names.length > MAX_NAMES ? `, … (${names.length} in all)` : ""}`;
      return [
        {
          url: `${project}/rest/v1/`,
          summary:
            `The public key reads ${project}'s API description: ${tables.length} table${tables.length === 1 ? "" : "s"} or view${tables.length === 1 ? "" : "s"} (${list(tables)}) ` +
            `and ${functions.length} function${functions.length === 1 ? "" : "s"} (${list(functions)}).`,
          evidence: [
            keyedEvidence(
              exchange,
              "GET /rest/v1/ with the app's public key returned the OpenAPI description.",
              {
                headers: ["content-type"],
                excerpt: `{"swagger":"2.0","paths":{${[...tables.slice(0, 5).map((name) => `"/${name}"`), ...functions.slice(0, 5).map((name) => `"/rpc/${name}"`)].join(",")}, …}} (path names only)`,
              },
            ),
          ],
          details: { project, tables: list(tables), functions: list(functions) },
        },
      ];
    });
  },
};
