import { isSameSite, type Target } from "../core/index.ts";
import { addBounded, mentionAt, type Mention, type ScannedText } from "./baas-sources.ts";
import { isExampleKey } from "./example-keys.ts";

/** A key the browser is meant to hold: the legacy anon JWT, or the newer sb_publishable_ key. */
export interface SupabasePublicKey extends Mention {
  kind: "anon" | "publishable";
  /** The project ref a JWT names (publishable keys do not say). */
  ref?: string;
}

export interface SupabaseProject {
  /** The API base: https://<ref>.supabase.co, or a custom domain passed to createClient(). */
  url: string;
  ref?: string;
  /** The public key the app uses with this project; without one nothing is probed. */
  key?: SupabasePublicKey;
  foundIn: string;
}

export interface SupabaseConfig {
  projects: SupabaseProject[];
  /** Tables the code queries: `.from('x').select(...)`, never `.storage.from('x')`. */
  tables: string[];
  /** Storage buckets the code names: `.storage.from('x')`. */
  buckets: string[];
  /** Database functions the code calls: `.rpc('x')`. Named only; the scanner never calls them. */
  rpcs: string[];
  publicKeys: SupabasePublicKey[];
  /** A service_role key sits in the bundle: it is never sent anywhere (the secret checks report it). */
  serviceRoleKeySeen: boolean;
}

export const SUPABASE_LIMITS = { projects: 3, names: 50, keys: 10 };

const HOSTED_URL = /https:\/\/([a-z0-9]{20})\.supabase\.(?:co|in)(?![\w-])/g;
const JWT = /eyJ[A-Za-z0-9_-]{10,2000}\.eyJ[A-Za-z0-9_-]{10,4000}\.[A-Za-z0-9_-]{10,1000}/g;
const PUBLISHABLE = /sb_publishable_[A-Za-z0-9_-]{16,200}/g;
/** createClient("https://...", "key"): the one place a custom domain is tied to the project. */
const CREATE_CLIENT =
  /createClient\(\s*(["'`])(https?:\/\/[^"'`\s]{4,200})\1\s*,\s*(["'`])([A-Za-z0-9_.-]{20,4000})\3/g;
/** VITE_SUPABASE_URL / NEXT_PUBLIC_SUPABASE_URL inlined by the build as an object property or assignment. */
const ENV_URL = /SUPABASE_URL["']?\s*[:=]\s*(["'`])(https?:\/\/[^"'`\s]{4,200})\1/g;
const QUOTED_NAME = String.raw`\(\s*(["'\`])([A-Za-z_][A-Za-z0-9_-]{0,62})\1\s*\)`;
/** A query builder chain: property names survive minification, so `.from("x").select(` stays readable. */
const TABLE = new RegExp(
  String.raw`\.from${QUOTED_NAME}\s*\.\s*(?:select|insert|upsert|update|delete)\s*\(`,
  "g",
);
/**
 * A query built in steps or chained on other methods (`q=db.from("todos");q.eq(...)`): `.from("x")` on any
 * receiver but the globals whose `from()` takes a string (Array.from, Buffer.from, ...).
 */
const TABLE_STEP =
  /([A-Za-z_$][\w$]{0,60}|\))\s*\.\s*from\(\s*(["'`])([A-Za-z_][A-Za-z0-9_-]{0,62})\2\s*\)\s*[.;,)]/g;
const NOT_CLIENTS =
  /^(?:Array|Buffer|Object|Set|Map|String|Iterator|Promise|Readable|Observable|storage|\w*Array)$/;
const BUCKET = /\bstorage\s*\.\s*from\(\s*(["'`])([A-Za-z0-9_.-]{1,63})\1\s*\)/g;
const RPC = /\.rpc\(\s*(["'`])([A-Za-z_][A-Za-z0-9_]{0,62})\1/g;
const REF = /^[a-z0-9]{20}$/;
/** Every configuration the patterns below can read names Supabase in clear, or holds a Supabase JWT. */
const SUPABASE_HINTS = ["supabase", "SUPABASE", "Supabase", "sb_publishable_"];

function mentionsSupabase(source: ScannedText): boolean {
  if (SUPABASE_HINTS.some((hint) => source.text.includes(hint))) return true;
  if (!source.text.includes("eyJ")) return false;
  for (const match of source.text.matchAll(JWT)) if (supabaseJwtRole(match[0])) return true;
  return false;
}

interface JwtClaims {
  iss?: unknown;
  ref?: unknown;
  role?: unknown;
}

/** The claims of a JWT, decoded without verification (we only need to know what the key says it is). */
export function jwtClaims(token: string): JwtClaims | null {
  const payload = token.split(".")[1];
  if (!payload || payload.length > 4000) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    return claims && typeof claims === "object" && !Array.isArray(claims) ? claims : null;
  } catch {
    return null;
  }
}

/** "anon" or "service_role" for a hosted project's key, with its ref; null for any other JWT. */
export function supabaseJwtRole(token: string): { role: "anon" | "service_role"; ref: string } | null {
  const claims = jwtClaims(token);
  // The local development keys say iss "supabase-demo" and name no project: documentation, not config.
  if (!claims || claims.iss !== "supabase") return null;
  if (typeof claims.ref !== "string" || !REF.test(claims.ref)) return null;
  if (claims.role !== "anon" && claims.role !== "service_role") return null;
  return { role: claims.role, ref: claims.ref };
}

/**
 * Where the app's Supabase project lives, the key it uses, and the tables, buckets and functions it names.
 * Pure: the same texts always give the same answer.
 */
export function extractSupabaseConfig(sources: readonly ScannedText[], target: Target): SupabaseConfig {
  const config: SupabaseConfig = {
    projects: [],
    tables: [],
    buckets: [],
    rpcs: [],
    publicKeys: [],
    serviceRoleKeySeen: false,
  };
  // Most sites have no Supabase at all: a few literal searches spare them every pattern below.
  if (!sources.some(mentionsSupabase)) return config;
  const urls = new Map<string, { ref?: string; foundIn: string }>();
  const pairs = new Map<string, string>();
  const addUrl = (raw: string, foundIn: string) => {
    const project = projectUrl(raw, target);
    if (project && !urls.has(project.url) && urls.size < SUPABASE_LIMITS.projects * 2)
      urls.set(project.url, { ...(project.ref ? { ref: project.ref } : {}), foundIn });
    return project?.url;
  };

  for (const source of sources) {
    const { text } = source;
    for (const match of text.matchAll(HOSTED_URL)) addUrl(match[0], source.url);
    for (const match of text.matchAll(ENV_URL)) addUrl(match[2]!, source.url);
    for (const match of text.matchAll(CREATE_CLIENT)) {
      const url = addUrl(match[2]!, source.url);
      if (url && !pairs.has(url)) pairs.set(url, match[4]!);
    }
    for (const match of text.matchAll(JWT)) {
      const role = supabaseJwtRole(match[0]);
      if (!role) continue;
      if (role.role === "service_role") {
        config.serviceRoleKeySeen = true;
        continue;
      }
      addKey(config, { ...mentionAt(source, match[0], match.index), kind: "anon", ref: role.ref });
    }
    for (const match of text.matchAll(PUBLISHABLE)) {
      if (isExampleKey(match[0])) continue;
      addKey(config, { ...mentionAt(source, match[0], match.index), kind: "publishable" });
    }
    for (const match of text.matchAll(TABLE)) {
      // `.storage.from("x").update(path, file)` is a storage call that happens to end like a query.
      if (/storage\s*$/.test(text.slice(Math.max(0, match.index - 12), match.index))) continue;
      addBounded(config.tables, match[2]!, SUPABASE_LIMITS.names);
    }
    for (const match of text.matchAll(TABLE_STEP)) {
      if (!NOT_CLIENTS.test(match[1]!)) addBounded(config.tables, match[3]!, SUPABASE_LIMITS.names);
    }
    for (const match of text.matchAll(BUCKET)) addBounded(config.buckets, match[2]!, SUPABASE_LIMITS.names);
    for (const match of text.matchAll(RPC)) addBounded(config.rpcs, match[2]!, SUPABASE_LIMITS.names);
  }

  // A hosted key names its project: its URL is known even when the code builds it at run time. A key the
  // code already pairs with a URL (a custom domain) is that project: probing it twice would say nothing new.
  const paired = new Set(pairs.values());
  const refs = new Set([...urls.values()].map((entry) => entry.ref));
  for (const key of config.publicKeys) {
    if (key.ref && !paired.has(key.value) && !refs.has(key.ref))
      addUrl(`https://${key.ref}.supabase.co`, key.url);
  }

  for (const [url, { ref, foundIn }] of urls) {
    if (config.projects.length >= SUPABASE_LIMITS.projects) break;
    const key = keyFor(config.publicKeys, ref, pairs.get(url));
    config.projects.push({ url, ...(ref ? { ref } : {}), ...(key ? { key } : {}), foundIn });
  }
  return config;
}

function addKey(config: SupabaseConfig, key: SupabasePublicKey): void {
  if (config.publicKeys.length >= SUPABASE_LIMITS.keys) return;
  if (config.publicKeys.some((known) => known.value === key.value)) return;
  config.publicKeys.push(key);
}

/**
 * The key to use with a project: the one passed beside its URL to createClient(), else the anon key that
 * names its ref, else the only public key there is. A key naming another project is never used.
 */
function keyFor(
  keys: readonly SupabasePublicKey[],
  ref: string | undefined,
  paired: string | undefined,
): SupabasePublicKey | undefined {
  const fits = (key: SupabasePublicKey) => !ref || !key.ref || key.ref === ref;
  const pairedKey = keys.find((key) => key.value === paired);
  if (pairedKey && fits(pairedKey)) return pairedKey;
  if (ref) {
    const named = keys.find((key) => key.ref === ref);
    if (named) return named;
  }
  const candidates = keys.filter(fits);
  const distinct = new Set(candidates.map((key) => key.value));
  return distinct.size === 1 ? candidates[0] : undefined;
}

/**
 * The API base for a URL the code names: hosted projects by their ref, custom domains only when they are
 * a public https name or the scanned site itself (never localhost or a private address from a bundle).
 */
function projectUrl(raw: string, target: Target): { url: string; ref?: string } | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  const hosted = /^([a-z0-9]{20})\.supabase\.(?:co|in)$/.exec(url.hostname);
  if (hosted) return url.protocol === "https:" ? { url: url.origin, ref: hosted[1]! } : null;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const publicName =
    url.protocol === "https:" &&
    host.includes(".") &&
    !/^[\d.]+$/.test(host) &&
    !host.includes(":") &&
    !/(^|\.)(localhost|local|internal|test|example|invalid)$/.test(host);
  if (!publicName && !isSameSite(target, url)) return null;
  const path = url.pathname.replace(/\/+$/, "");
  return { url: `${url.origin}${path}` };
}
