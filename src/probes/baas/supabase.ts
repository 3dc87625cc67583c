import {
  baasConfig,
  baasLabels,
  SUPABASE_PROBE,
  SupabaseResponses,
  type BaasLabelNames,
  type SupabaseProbeKind,
  type SupabaseRequest,
  supabaseBuckets,
  type SupabaseProject,
} from "../../artifacts/index.ts";
import type { Probe, ProbeContext } from "../probe.ts";
import { COMMON_SUPABASE_TABLES, namesToAsk } from "./common-names.ts";

/** Bounds per scan, whatever the bundle names: a few projects, tables and buckets are enough to tell. */
export const SUPABASE_PROBE_LIMITS = { projects: 2, tables: 10, buckets: 5 };

/**
 * Asks the app's Supabase project, with the app's own public key, what any visitor could read: the row
 * count of each table the code names (a HEAD request: counts only, never rows), the REST API's OpenAPI
 * description (names of tables and functions, no rows), whether each storage bucket
 * lists its files (the one read-only POST the HTTP layer allows), and the auth settings. Never calls an
 * RPC, never writes, never signs up, never sends a service_role key (projects without a public key are
 * skipped: the secret checks report a service_role key).
 */
export const supabaseProbe: Probe = {
  name: SUPABASE_PROBE,
  title: "Asking the Supabase backend what anyone can read",
  after: ["discovery"],
  produces: [SupabaseResponses],
  async run(context) {
    const { target, discovery } = context;
    const config = baasConfig({ target, exchanges: context.http.exchanges, discovery }).supabase;
    const projects = config.projects
      .filter((project) => project.key)
      .slice(0, SUPABASE_PROBE_LIMITS.projects);
    if (projects.length === 0) return;
    const asked = (request: SupabaseRequest) => context.requested(SupabaseResponses).has(request);
    context.progress(
      `Asking ${projects.length} Supabase project${projects.length === 1 ? "" : "s"} what anyone can read`,
    );

    let tablesLeft = SUPABASE_PROBE_LIMITS.tables;
    let bucketsLeft = SUPABASE_PROBE_LIMITS.buckets;
    await Promise.all(
      projects.map(async (project) => {
        const tables = asked("tables")
          ? namesToAsk(config.tables, COMMON_SUPABASE_TABLES).slice(0, tablesLeft)
          : [];
        tablesLeft -= tables.length;
        const work: Array<Promise<unknown>> = tables.map((table) =>
          send(context, project, "HEAD", `/rest/v1/${encodeURIComponent(table)}?select=*&limit=1`, "table", {
            table,
          }),
        );
        if (asked("signup")) work.push(send(context, project, "GET", "/auth/v1/settings", "auth-settings"));
        // The API's own description: names of tables, views and functions, never rows.
        if (asked("schema")) work.push(send(context, project, "GET", "/rest/v1/", "openapi"));
        if (asked("buckets") && bucketsLeft > 0) {
          work.push(
            (async () => {
              const listing = await send(context, project, "GET", "/storage/v1/bucket", "bucket-list");
              const names = [...config.buckets];
              for (const bucket of supabaseBuckets(listing))
                if (!names.includes(bucket.name)) names.push(bucket.name);
              // "." and ".." would be resolved away by the URL and list something else.
              const chosen = names.filter((name) => !/^\.+$/.test(name)).slice(0, bucketsLeft);
              bucketsLeft -= chosen.length;
              // The HTTP layer allows this POST only at /storage/v1/object/list/<bucket> from the root.
              if (new URL(project.url).pathname !== "/") return;
              await Promise.all(
                chosen.map((bucket) =>
                  send(
                    context,
                    project,
                    "POST",
                    `/storage/v1/object/list/${encodeURIComponent(bucket)}`,
                    "bucket",
                    { bucket },
                    JSON.stringify({ prefix: "", limit: 1, offset: 0 }),
                  ),
                ),
              );
            })(),
          );
        }
        await Promise.all(work);
      }),
    );
  },
};

function send(
  context: ProbeContext,
  project: SupabaseProject,
  method: "GET" | "HEAD" | "POST",
  path: string,
  kind: SupabaseProbeKind,
  names: BaasLabelNames = {},
  body?: string,
) {
  const key = project.key!;
  // Exactly what supabase-js sends without a session: the key in apikey and as the bearer token. Setting
  // Authorization also means a same-site custom domain never receives a user's own --header token here.
  const headers: Record<string, string> = {
    accept: "application/json",
    apikey: key.value,
    authorization: `Bearer ${key.value}`,
  };
  if (kind === "table") headers.prefer = "count=exact";
  if (body !== undefined) headers["content-type"] = "application/json";
  return context.http.send({
    method,
    url: `${project.url}${path}`,
    headers,
    ...(body !== undefined ? { body } : {}),
    probe: SUPABASE_PROBE,
    // Labels never carry the key: they say which key kind was used and where it was found.
    labels: baasLabels(kind, project.url, key.url, { keyKind: key.kind, ...names }),
  });
}
