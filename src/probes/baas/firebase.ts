import {
  baasConfig,
  baasLabels,
  FIREBASE_PROBE,
  FirebaseResponses,
  type BaasLabelNames,
  type FirebaseProbeKind,
  type FirebaseRequest,
  rtdbKeys,
  type FirebaseProject,
} from "../../artifacts/index.ts";
import type { Probe, ProbeContext } from "../probe.ts";
import { COMMON_FIRESTORE_COLLECTIONS, namesToAsk } from "./common-names.ts";

/** Bounds per scan (collections across all projects; database paths per project, only if the root is closed). */
export const FIREBASE_PROBE_LIMITS = { projects: 2, collections: 5, rtdbPaths: 3 };

export const FIRESTORE_ORIGIN = "https://firestore.googleapis.com";
export const FIREBASE_STORAGE_ORIGIN = "https://firebasestorage.googleapis.com";
/** A path no app uses: a readable database answers it with `null`, which a catch-all server never does. */
export const RTDB_CONTROL_CHILD = "amihackable-probe-missing-path";

/**
 * Asks the app's Firebase project, without any credentials (as any visitor could), for the Realtime
 * Database root (shallow: top-level keys only), the Firestore collections the code names, or a few
 * common ones when it names none (one document each) and the Storage bucket listing (one object). Only Firebase's own hosts are ever contacted.
 */
export const firebaseProbe: Probe = {
  name: FIREBASE_PROBE,
  title: "Asking the Firebase backend what anyone can read",
  after: ["discovery"],
  produces: [FirebaseResponses],
  async run(context) {
    const { target, discovery } = context;
    const config = baasConfig({ target, exchanges: context.http.exchanges, discovery }).firebase;
    const projects = config.projects.slice(0, FIREBASE_PROBE_LIMITS.projects);
    if (projects.length === 0) return;
    const asked = (request: FirebaseRequest) => context.requested(FirebaseResponses).has(request);
    context.progress(
      `Asking ${projects.length} Firebase project${projects.length === 1 ? "" : "s"} what anyone can read`,
    );
    let collectionsLeft = FIREBASE_PROBE_LIMITS.collections;
    await Promise.all(
      projects.map(async (project) => {
        const work: Array<Promise<unknown>> = [];
        if (asked("rtdb") && project.databaseURL)
          work.push(probeRealtimeDatabase(context, project, project.databaseURL, config.rtdbPaths));
        if (asked("firestore")) {
          const collections = namesToAsk(config.collections, COMMON_FIRESTORE_COLLECTIONS).slice(
            0,
            collectionsLeft,
          );
          collectionsLeft -= collections.length;
          for (const collection of collections) {
            const path = `/v1/projects/${project.projectId}/databases/(default)/documents/${encodeURIComponent(collection)}`;
            work.push(
              send(context, project, `${FIRESTORE_ORIGIN}${path}?pageSize=1`, "firestore", { collection }),
            );
          }
        }
        if (asked("storage") && project.storageBucket) {
          const bucket = project.storageBucket;
          const url = `${FIREBASE_STORAGE_ORIGIN}/v0/b/${encodeURIComponent(bucket)}/o?maxResults=1`;
          work.push(send(context, project, url, "storage", { bucket }));
        }
        await Promise.all(work);
      }),
    );
  },
};

/**
 * The root first; when it answers data, one control request to a missing path (a real database says
 * `null`). When the root is closed, the few paths the code names, each with its own control if it answers.
 */
async function probeRealtimeDatabase(
  context: ProbeContext,
  project: FirebaseProject,
  origin: string,
  paths: readonly string[],
): Promise<void> {
  const probePath = async (path: string) => {
    const base = path === "/" ? origin : `${origin}/${encodeURIComponent(path)}`;
    const target = path === "/" ? `${origin}/.json` : `${base}.json`;
    const answer = await send(context, project, `${target}?shallow=true`, "rtdb", { path });
    if (rtdbKeys(answer) === null) return false;
    await send(context, project, `${base}/${RTDB_CONTROL_CHILD}.json?shallow=true`, "rtdb-control", { path });
    return true;
  };
  if (await probePath("/")) return;
  await Promise.all(paths.slice(0, FIREBASE_PROBE_LIMITS.rtdbPaths).map(probePath));
}

function send(
  context: ProbeContext,
  project: FirebaseProject,
  url: string,
  kind: FirebaseProbeKind,
  names: BaasLabelNames,
) {
  return context.http.send({
    method: "GET",
    url,
    headers: { accept: "application/json" },
    probe: FIREBASE_PROBE,
    labels: baasLabels(kind, project.projectId, project.apiKey.url, names),
  });
}
