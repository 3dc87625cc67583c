import { bodyText, type Exchange, headerValue } from "../core/index.ts";

/**
 * How to read the answers of Supabase and Firebase: shared by the probes (to decide on a follow-up
 * request) and the checks (to judge). "Readable" always means data came back, never just a 200: a
 * catch-all server answers 200 to anything, and a locked table answers 200 with zero rows.
 */

function json(exchange: Exchange): unknown {
  const response = exchange.response;
  if (!response || response.status < 200 || response.status >= 300 || response.truncated) return undefined;
  try {
    return JSON.parse(bodyText(response)) as unknown;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** PostgREST's row count from `Content-Range: 0-0/123` or `*\/0` (asked for with Prefer: count=exact). */
export function postgrestCount(exchange: Exchange): number | null {
  const response = exchange.response;
  if (!response || response.status < 200 || response.status >= 300) return null;
  const match = /^\s*(?:\d+-\d+|\*)\/(\d{1,15})\s*$/.exec(
    headerValue(response.headers, "content-range") ?? "",
  );
  return match ? Number(match[1]) : null;
}

/** Objects a Supabase Storage list call returned (each has a name and storage metadata), or null. */
export function supabaseObjectCount(exchange: Exchange): number | null {
  const body = json(exchange);
  if (!Array.isArray(body)) return null;
  const objects = body.filter(
    (item) => isObject(item) && typeof item.name === "string" && ("id" in item || "metadata" in item),
  );
  return objects.length === body.length ? objects.length : null;
}

export interface SupabaseBucket {
  name: string;
  public: boolean | undefined;
}

/** Buckets from GET /storage/v1/bucket (empty when the anon key may not see any). */
export function supabaseBuckets(exchange: Exchange): SupabaseBucket[] {
  const body = json(exchange);
  if (!Array.isArray(body)) return [];
  const buckets: SupabaseBucket[] = [];
  for (const item of body.slice(0, 100)) {
    if (!isObject(item)) continue;
    const name = typeof item.id === "string" ? item.id : typeof item.name === "string" ? item.name : null;
    if (name && /^[A-Za-z0-9_.-]{1,63}$/.test(name))
      buckets.push({ name, public: typeof item.public === "boolean" ? item.public : undefined });
  }
  return buckets;
}

export interface SignupSettings {
  emailEnabled: boolean;
  autoconfirm: boolean;
  signupDisabled: boolean;
}

/** The parts of GET /auth/v1/settings that say whether anyone can sign up without confirming an email. */
export function signupSettings(exchange: Exchange): SignupSettings | null {
  const body = json(exchange);
  if (!isObject(body) || !isObject(body.external) || typeof body.external.email !== "boolean") return null;
  return {
    emailEnabled: body.external.email,
    autoconfirm: body.mailer_autoconfirm === true,
    signupDisabled: body.disable_signup === true,
  };
}

/** What PostgREST's OpenAPI description at /rest/v1/ reveals: names only (it never holds rows). */
export interface PostgrestSchema {
  /** Tables and views, as their paths name them. */
  tables: string[];
  /** Functions callable as /rpc/<name>. */
  functions: string[];
}

/** Names are read from at most this many paths: a huge description says enough in its first few hundred. */
const MAX_SCHEMA_PATHS = 500;

/**
 * The table and function names of a PostgREST OpenAPI (Swagger 2.0) description, or null when the answer
 * is not one: a catch-all API's `{}` or an error has no `swagger`/`openapi` version and no `/<name>` paths.
 */
export function postgrestSchema(exchange: Exchange): PostgrestSchema | null {
  const body = json(exchange);
  if (!isObject(body) || !isObject(body.paths)) return null;
  if (typeof body.swagger !== "string" && typeof body.openapi !== "string") return null;
  const tables: string[] = [];
  const functions: string[] = [];
  for (const path of Object.keys(body.paths).slice(0, MAX_SCHEMA_PATHS)) {
    const rpc = /^\/rpc\/([^/]{1,100})$/.exec(path)?.[1];
    if (rpc !== undefined) functions.push(rpc);
    else {
      const table = /^\/([^/]{1,100})$/.exec(path)?.[1];
      if (table !== undefined) tables.push(table);
    }
  }
  return tables.length + functions.length > 0 ? { tables, functions } : null;
}

/** Top-level keys of a Realtime Database answer (?shallow=true), or null when nothing readable came back. */
export function rtdbKeys(exchange: Exchange): string[] | null {
  const body = json(exchange);
  if (!isObject(body)) return null;
  const keys = Object.keys(body);
  if (keys.length === 0 || (keys.length === 1 && keys[0] === "error")) return null;
  return keys;
}

/** The Realtime Database answers a missing path it may read with `null`; a catch-all server does not. */
export function rtdbAnswersNull(exchange: Exchange): boolean {
  const response = exchange.response;
  return response?.status === 200 && bodyText(response).trim() === "null";
}

export interface FirestorePage {
  documents: number;
  /** Field names of the documents returned (names only: values are never read out). */
  fields: string[];
}

/** Documents a Firestore list call returned for this project and collection, or null. */
export function firestoreDocuments(
  exchange: Exchange,
  projectId: string,
  collection: string,
): FirestorePage | null {
  const body = json(exchange);
  if (!isObject(body) || !Array.isArray(body.documents)) return null;
  const prefix = `projects/${projectId}/databases/(default)/documents/${collection}/`;
  const documents = body.documents.filter(
    (doc): doc is Record<string, unknown> =>
      isObject(doc) && typeof doc.name === "string" && doc.name.startsWith(prefix),
  );
  if (documents.length === 0) return null;
  const fields = new Set<string>();
  for (const doc of documents)
    if (isObject(doc.fields)) for (const field of Object.keys(doc.fields).slice(0, 50)) fields.add(field);
  return { documents: documents.length, fields: [...fields] };
}

/** Objects a Firebase Storage list call returned for this bucket, or null. */
export function firebaseStorageItems(exchange: Exchange, bucket: string): number | null {
  const body = json(exchange);
  if (!isObject(body) || !Array.isArray(body.items)) return null;
  const items = body.items.filter(
    (item) => isObject(item) && typeof item.name === "string" && item.bucket === bucket,
  );
  return items.length > 0 ? items.length : null;
}
