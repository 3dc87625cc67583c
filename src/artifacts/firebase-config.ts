import { addBounded, mentionAt, type Mention, type ScannedText } from "./baas-sources.ts";
import { isExampleKey, isExampleProjectId } from "./example-keys.ts";

/** A Firebase web app's configuration: the object passed to initializeApp(). */
export interface FirebaseProject {
  projectId: string;
  /** The web API key (AIza...): public by design, it identifies the project to Google's APIs. */
  apiKey: Mention;
  authDomain?: string;
  /** The Realtime Database origin, only a Firebase host (*.firebaseio.com, *.firebasedatabase.app). */
  databaseURL?: string;
  storageBucket?: string;
  foundIn: string;
}

export interface FirebaseConfig {
  projects: FirebaseProject[];
  /** Firestore collections the code names: collection(db, 'x'), doc(db, 'x', id), .collection('x'). */
  collections: string[];
  /** Realtime Database paths the code names: ref(db, 'x'), database().ref('x'). First segment only. */
  rtdbPaths: string[];
}

export const FIREBASE_LIMITS = { projects: 3, names: 50, window: 1500 };

type Field = "apiKey" | "authDomain" | "projectId" | "databaseURL" | "storageBucket";

const ENV_FIELDS: Record<string, Field> = {
  API_KEY: "apiKey",
  AUTH_DOMAIN: "authDomain",
  PROJECT_ID: "projectId",
  DATABASE_URL: "databaseURL",
  STORAGE_BUCKET: "storageBucket",
};

/** `apiKey: "..."` as written, minified or JSON (property names survive minification). */
const PROPERTY =
  /\b(apiKey|authDomain|projectId|databaseURL|storageBucket)["']?\s*:\s*(["'`])([^"'`\s\\]{1,300})\2/g;
/** VITE_FIREBASE_API_KEY / NEXT_PUBLIC_FIREBASE_PROJECT_ID ... inlined by the build. */
const ENV_PROPERTY =
  /FIREBASE_(API_KEY|AUTH_DOMAIN|PROJECT_ID|DATABASE_URL|STORAGE_BUCKET)["']?\s*[:=]\s*(["'`])([^"'`\s\\]{1,300})\2/g;
const WEB_API_KEY = /^AIza[0-9A-Za-z_-]{35}$/;
const PROJECT_ID = /^[a-z][a-z0-9-]{4,29}$/;
const BUCKET = /^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$/;
const NAME = String.raw`(["'\`])([A-Za-z0-9_-]{1,100})(?:/[^"'\`]{0,200})?\1`;
const ARG = String.raw`\s*[A-Za-z_$][\w$.]{0,60}\s*,\s*`;
const COMPAT_COLLECTION = new RegExp(String.raw`\.collection\(\s*${NAME}`, "g");
const COMPAT_RTDB = new RegExp(String.raw`\bdatabase\(\s*\)\s*\.\s*ref\(\s*${NAME}`, "g");
/**
 * Minifiers rename collection(), doc() and ref(), but not the strings inside them: the Firestore SDK
 * validates its argument with ("collection", "path", ...) and the Realtime Database SDK calls
 * _checkNotDeleted("ref"). Finding those strings, then the function header just before them, gives the
 * functions' minified names. The strings are searched first (a literal scan); the header pattern only
 * runs on a short window before each, so a large bundle costs one pass.
 */
const FIRESTORE_MARKER = /["'](collection|doc)["']\s*,\s*["']path["']/g;
const RTDB_MARKER = /_checkNotDeleted\(\s*["']ref["']\s*\)/g;
const HEADER_WINDOW = 250;
const MAX_MARKERS = 20;
/** The last function header in a window whose body is still open where the window ends. */
const FUNCTION_HEADER =
  /(?:function\s+([A-Za-z_$][\w$]*)|([A-Za-z_$][\w$]*)\s*=\s*(?:function\s*)?)\s*\([^()]{0,60}\)\s*(?:=>\s*)?\{[^{}]*$/;

/** Webpack keeps an import's name at its call: `(0,o.collection)(db,"users")`, `(0,r.doc)(e,"users",id)`. */
const MODULE_CALL = new RegExp(
  String.raw`\(\s*0\s*,\s*[A-Za-z_$][\w$]{0,60}\.(?:collection|doc|collectionGroup)\s*\)\(${ARG}${NAME}`,
  "g",
);
/** A document path spelled out for the REST API: `projects/X/databases/(default)/documents/users`. */
const REST_PATH = /databases\/\(default\)\/documents\/([A-Za-z0-9_-]{1,100})/g;
/** A callee as a minifier leaves it: `Fc`, `o.collection`, `(0,s.hJ)` (a mangled export). */
const CALLEE = String.raw`(?:\(\s*0\s*,\s*[A-Za-z_$][\w$]{0,60}\.[A-Za-z_$][\w$]{0,60}\s*\)|[A-Za-z_$][\w$.]{0,60})`;
/** The names a Firestore instance is exported under: property names survive minification (`u.db`). */
const INSTANCE_PROPERTIES = ["db", "firestore", "fireStore", "fs", "database"];
const MAX_INSTANCES = 6;

/**
 * Collection names beside the Firestore instance, whatever the minifier called collection(): the app is
 * `app=f(config)`, its services `db=g(app)`, and a string right after one of those as a call's second
 * argument, `h(db,"orders")`, is a collection (or a path) of that service. The instance is also known by
 * the property it is exported as (`(0,c.hJ)(u.db,"users")`). Only names of the apiKey's own config.
 */
function namesBesideInstances(text: string): string[] {
  const configs = [...text.matchAll(/([A-Za-z_$][\w$]{1,60})\s*=\s*\{[^{}]{0,600}?\bapiKey["']?\s*:/g)]
    .map((match) => match[1]!)
    .slice(0, MAX_INSTANCES);
  const apps = assignedFrom(text, configs);
  const instances = assignedFrom(text, apps);
  const receivers = [
    ...instances.map(escapeName),
    String.raw`[A-Za-z_$][\w$]{0,60}\.(?:${INSTANCE_PROPERTIES.join("|")})`,
  ];
  const calls = new RegExp(String.raw`(?<![\w$])${CALLEE}\(\s*(?:${receivers.join("|")})\s*,\s*${NAME}`, "g");
  const names: string[] = [];
  for (const match of text.matchAll(calls)) addBounded(names, match[2]!, FIREBASE_LIMITS.names);
  return names;
}

/** Variables assigned from a call whose first argument is one of `sources`: `app=Hi(Ep)`, `db=(0,s.ad)(app)`. */
function assignedFrom(text: string, sources: readonly string[]): string[] {
  if (sources.length === 0) return [];
  const pattern = new RegExp(
    String.raw`([A-Za-z_$][\w$]{0,60})\s*=\s*${CALLEE}\(\s*(?:${sources.map(escapeName).join("|")})\s*[,)]`,
    "g",
  );
  const names: string[] = [];
  for (const match of text.matchAll(pattern)) {
    // A one-letter name is a minified parameter as often as a module's variable: `e` names everything.
    if (match[1]!.length > 1) addBounded(names, match[1]!, MAX_INSTANCES);
  }
  return names;
}

function escapeName(name: string): string {
  return name.replace(/\$/g, "\\$");
}

interface FieldHit {
  field: Field;
  value: string;
  offset: number;
}

/** The Firebase projects a bundle configures, and the collections and paths its code reads. Pure. */
export function extractFirebaseConfig(sources: readonly ScannedText[]): FirebaseConfig {
  const config: FirebaseConfig = { projects: [], collections: [], rtdbPaths: [] };
  // A web config always has an apiKey (or its env form): without one there is nothing to read.
  if (!sources.some((source) => source.text.includes("apiKey") || source.text.includes("FIREBASE_")))
    return config;
  for (const source of sources) {
    const hits = fieldHits(source.text);
    for (const anchor of hits) {
      if (config.projects.length >= FIREBASE_LIMITS.projects) break;
      if (anchor.field !== "apiKey" || !WEB_API_KEY.test(anchor.value) || isExampleKey(anchor.value))
        continue;
      const project = projectAround(source, anchor, hits);
      if (project && !config.projects.some((known) => known.projectId === project.projectId))
        config.projects.push(project);
    }
    collectNames(source.text, config);
  }
  return config;
}

function fieldHits(text: string): FieldHit[] {
  const hits: FieldHit[] = [];
  for (const match of text.matchAll(PROPERTY))
    hits.push({
      field: match[1] as Field,
      value: match[3]!,
      offset: match.index + match[0].length - match[3]!.length - 1,
    });
  for (const match of text.matchAll(ENV_PROPERTY))
    hits.push({
      field: ENV_FIELDS[match[1]!]!,
      value: match[3]!,
      offset: match.index + match[0].length - match[3]!.length - 1,
    });
  return hits.sort((a, b) => a.offset - b.offset);
}

/** The configuration object around an apiKey: for each field, the nearest value within a small window. */
function projectAround(
  source: ScannedText,
  anchor: FieldHit,
  hits: readonly FieldHit[],
): FirebaseProject | null {
  const nearest = (field: Field) =>
    hits
      .filter((hit) => hit.field === field && Math.abs(hit.offset - anchor.offset) <= FIREBASE_LIMITS.window)
      .sort((a, b) => Math.abs(a.offset - anchor.offset) - Math.abs(b.offset - anchor.offset))[0]?.value;
  const authDomain = nearest("authDomain");
  const bucketValue = nearest("storageBucket")?.replace(/^gs:\/\//, "");
  const storageBucket = bucketValue && BUCKET.test(bucketValue) ? bucketValue : undefined;
  const databaseURL = firebaseDatabaseOrigin(nearest("databaseURL"));
  const projectId =
    nearest("projectId") ??
    /^([a-z0-9-]+)\.firebaseapp\.com$/.exec(authDomain ?? "")?.[1] ??
    /^([a-z0-9-]+)\.(?:appspot\.com|firebasestorage\.app)$/.exec(storageBucket ?? "")?.[1];
  // Without a project beside it, an AIza key is some other Google key (Maps, YouTube): not Firebase.
  if (!projectId || !PROJECT_ID.test(projectId) || isExampleProjectId(projectId)) return null;
  return {
    projectId,
    apiKey: mentionAt(source, anchor.value, anchor.offset),
    ...(authDomain ? { authDomain } : {}),
    ...(databaseURL ? { databaseURL } : {}),
    ...(storageBucket ? { storageBucket } : {}),
    foundIn: source.url,
  };
}

/** Only Firebase's own hosts: a bundle cannot steer the probe to any other address. */
export function firebaseDatabaseOrigin(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    if (url.protocol !== "https:" || url.port || url.username || url.password) return undefined;
    return /^[a-z0-9-]{1,100}(?:\.[a-z0-9-]{1,40})?\.(?:firebaseio\.com|firebasedatabase\.app)$/.test(
      url.hostname,
    )
      ? url.origin
      : undefined;
  } catch {
    return undefined;
  }
}

function collectNames(text: string, config: FirebaseConfig): void {
  const add = (list: string[], name: string) => addBounded(list, name, FIREBASE_LIMITS.names);
  for (const match of text.matchAll(COMPAT_COLLECTION)) add(config.collections, match[2]!);
  for (const match of text.matchAll(MODULE_CALL)) add(config.collections, match[2]!);
  for (const match of text.matchAll(REST_PATH)) add(config.collections, match[1]!);
  for (const match of text.matchAll(COMPAT_RTDB)) add(config.rtdbPaths, match[2]!);
  const firestoreNames = new Set(["collection", "doc", ...enclosingFunctions(text, FIRESTORE_MARKER, 6)]);
  const rtdbNames = new Set(["ref", ...enclosingFunctions(text, RTDB_MARKER, 3)]);
  for (const match of text.matchAll(callsOf(firestoreNames))) add(config.collections, match[2]!);
  for (const match of text.matchAll(callsOf(rtdbNames))) add(config.rtdbPaths, match[2]!);
  // A name read through the Realtime Database's ref() is a path there, not a collection.
  for (const name of namesBesideInstances(text))
    if (!config.rtdbPaths.includes(name)) add(config.collections, name);
}

/** Calls `name(<first argument>, "literal"...)` of any of the names (the literal's first path segment). */
function callsOf(names: ReadonlySet<string>): RegExp {
  const alternatives = [...names].map((name) => name.replace(/\$/g, "\\$")).join("|");
  return new RegExp(String.raw`(?<![\w$.])(?:${alternatives})\(${ARG}${NAME}`, "g");
}

/** Names of the functions whose bodies contain the marker (the SDK's own strings), at most `max`. */
function enclosingFunctions(text: string, marker: RegExp, max: number): string[] {
  const names: string[] = [];
  let tried = 0;
  for (const match of text.matchAll(marker)) {
    // A real bundle holds one copy of the SDK; a text full of markers is hostile, not richer.
    if (++tried > MAX_MARKERS) break;
    const window = text.slice(Math.max(0, match.index - HEADER_WINDOW), match.index);
    const header = FUNCTION_HEADER.exec(window);
    const name = header?.[1] ?? header?.[2];
    if (name) addBounded(names, name, max);
    if (names.length >= max) break;
  }
  return names;
}
