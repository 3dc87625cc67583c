import { type Recording, type Target, defineProbeArtifact } from "../core/index.ts";
import { baasSources, type ScannedText } from "./baas-sources.ts";
import { extractFirebaseConfig, type FirebaseConfig } from "./firebase-config.ts";
import { extractPkKeys, type PublicKey } from "./public-keys.ts";
import { extractSupabaseConfig, type SupabaseConfig } from "./supabase-config.ts";

/** What the site's own code says about its backends: projects, public keys, and the names it uses. */
export interface BaasConfig {
  supabase: SupabaseConfig;
  firebase: FirebaseConfig;
  /** Every public-by-design key found, in the order found. */
  publicKeys: PublicKey[];
}

/** Pure: the same texts give the same configuration. The backend probes and the checks both call it. */
export function extractBaasConfig(sources: readonly ScannedText[], target: Target): BaasConfig {
  const supabase = extractSupabaseConfig(sources, target);
  const firebase = extractFirebaseConfig(sources);
  const publicKeys: PublicKey[] = [
    ...supabase.publicKeys.map(({ kind, ref: _ref, ...mention }) => ({
      ...mention,
      kind: kind === "anon" ? ("supabase-anon" as const) : ("supabase-publishable" as const),
    })),
    ...firebase.projects.map((project) => ({ ...project.apiKey, kind: "firebase-web" as const })),
    ...extractPkKeys(sources),
  ];
  const unique = publicKeys.filter(
    (key, index) => publicKeys.findIndex((other) => other.value === key.value) === index,
  );
  return { supabase, firebase, publicKeys: unique };
}

/** What the backend config depends on: the target and which exchanges hold the page and the bundles. */
type BaasInputs = Pick<Recording, "target" | "exchanges" | "discovery">;

const cache = new WeakMap<object, { signature: string; config: BaasConfig }>();

/**
 * The configuration for a scan, extracted once and shared by the two backend probes and the checks
 * (keyed on the scan's discovery object, checked against the exchanges it names). Still a function of
 * its inputs alone: recorded exchanges never change.
 */
export function baasConfig(inputs: BaasInputs): BaasConfig {
  const { discovery } = inputs;
  const signature = [
    inputs.target.url,
    discovery.pageExchangeId ?? "-",
    ...discovery.bundles.map((bundle) => bundle.exchangeId),
  ].join("|");
  const hit = cache.get(discovery);
  if (hit?.signature === signature) return hit.config;
  const config = extractBaasConfig(baasSources(inputs), inputs.target);
  cache.set(discovery, { signature, config });
  return config;
}

/** The backend configuration the page and bundles name, as an artifact for checks. */
export const BaasConfiguration = defineProbeArtifact("baas-config", (recording): BaasConfig =>
  baasConfig(recording),
);
