import { defineProbeArtifact, type ArtifactNeed, type Exchange, type Recording } from "../core/index.ts";

/**
 * What the Supabase and Firebase probes asked and what came back, typed. The probes write these labels
 * on their exchanges (`baasLabels`) and only the artifacts below read them, so a check sees a table name
 * or a bucket as a field, never as a string label.
 */
export const SUPABASE_PROBE = "supabase";
export const FIREBASE_PROBE = "firebase";

/** What a check may ask the Supabase probe to look at. */
export type SupabaseRequest = "tables" | "buckets" | "signup" | "schema";
export type SupabaseProbeKind = "table" | "bucket-list" | "bucket" | "auth-settings" | "openapi";

/** What a check may ask the Firebase probe to look at. */
export type FirebaseRequest = "firestore" | "rtdb" | "storage";
export type FirebaseProbeKind = "firestore" | "rtdb" | "rtdb-control" | "storage";

export interface SupabaseResponse {
  kind: SupabaseProbeKind;
  /** The project's URL. */
  project: string;
  table?: string;
  bucket?: string;
  /** Which public key was used ("anon", "publishable"), never the key. */
  keyKind: string;
  /** Where the key was found (page or bundle URL). */
  keyFoundIn: string;
  exchange: Exchange;
}

export interface FirebaseResponse {
  kind: FirebaseProbeKind;
  /** The project id. */
  project: string;
  collection?: string;
  /** The Realtime Database path read. */
  path?: string;
  bucket?: string;
  keyFoundIn: string;
  exchange: Exchange;
}

/** What a BaaS probe names besides its kind, project and key location (never the key itself). */
export type BaasLabelNames = Partial<Record<"table" | "bucket" | "collection" | "path" | "keyKind", string>>;

/** The labels a BaaS probe writes: its kind, the project, where the key was found, and what was probed. */
export function baasLabels(
  kind: SupabaseProbeKind | FirebaseProbeKind,
  project: string,
  keyFoundIn: string,
  names: BaasLabelNames = {},
): Record<string, string> {
  const labels: Record<string, string> = { kind, project, keyFoundIn };
  for (const [name, value] of Object.entries(names)) if (value !== undefined) labels[name] = value;
  return labels;
}

function probed(recording: Recording, probe: string): Exchange[] {
  return recording.exchanges.filter((exchange) => exchange.probe === probe);
}

export const SupabaseResponses = defineProbeArtifact("supabase-responses", (recording): SupabaseResponse[] =>
  probed(recording, SUPABASE_PROBE).map((exchange) => {
    const labels = exchange.labels;
    return {
      kind: labels.kind as SupabaseProbeKind,
      project: labels.project ?? new URL(exchange.request.url).origin,
      ...(labels.table !== undefined ? { table: labels.table } : {}),
      ...(labels.bucket !== undefined ? { bucket: labels.bucket } : {}),
      keyKind: labels.keyKind ?? "",
      keyFoundIn: labels.keyFoundIn ?? "",
      exchange,
    };
  }),
);

export const FirebaseResponses = defineProbeArtifact("firebase-responses", (recording): FirebaseResponse[] =>
  probed(recording, FIREBASE_PROBE).map((exchange) => {
    const labels = exchange.labels;
    return {
      kind: labels.kind as FirebaseProbeKind,
      project: labels.project ?? "",
      ...(labels.collection !== undefined ? { collection: labels.collection } : {}),
      ...(labels.path !== undefined ? { path: labels.path } : {}),
      ...(labels.bucket !== undefined ? { bucket: labels.bucket } : {}),
      keyFoundIn: labels.keyFoundIn ?? "",
      exchange,
    };
  }),
);

/** A check's need of the Supabase responses, saying what the probe should ask (typed: a typo fails to compile). */
export function needSupabase(request: SupabaseRequest): ArtifactNeed<SupabaseRequest> {
  return { kind: SupabaseResponses, request };
}

/** A check's need of the Firebase responses, saying what the probe should ask. */
export function needFirebase(request: FirebaseRequest): ArtifactNeed<FirebaseRequest> {
  return { kind: FirebaseResponses, request };
}
