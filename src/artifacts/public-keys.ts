import { mentionAt, type Mention, type ScannedText } from "./baas-sources.ts";
import { isExampleKey } from "./example-keys.ts";

export type PublicKeyKind =
  "stripe-publishable" | "clerk-publishable" | "supabase-anon" | "supabase-publishable" | "firebase-web";

/** A key that is meant to be in the browser: reported for information, used as input to backend probes. */
export interface PublicKey extends Mention {
  kind: PublicKeyKind;
}

export const PUBLIC_KEY_LABELS: Record<PublicKeyKind, string> = {
  "stripe-publishable": "Stripe publishable key",
  "clerk-publishable": "Clerk publishable key",
  "supabase-anon": "Supabase anon key",
  "supabase-publishable": "Supabase publishable key",
  "firebase-web": "Firebase web API key",
};

const PK = /\bpk_(?:live|test)_[A-Za-z0-9+/=_-]{10,200}/g;
const STRIPE = /^pk_(?:live|test)_[0-9A-Za-z]{16,200}$/;
const MAX_KEYS = 20;

/**
 * Stripe and Clerk publishable keys share the pk_live_/pk_test_ prefix; a Clerk key is base64 of its
 * frontend API host followed by "$" (pk_test_Y2xlcmsuZXhhbXBsZS5jb20k is "clerk.example.com$").
 */
export function classifyPk(key: string): "stripe-publishable" | "clerk-publishable" | null {
  const body = key.replace(/^pk_(?:live|test)_/, "");
  const decoded = Buffer.from(body, "base64").toString("latin1");
  if (/^[a-z0-9.-]{3,200}\.[a-z]{2,}\$$/i.test(decoded))
    return /example/i.test(decoded) ? null : "clerk-publishable";
  return STRIPE.test(key) ? "stripe-publishable" : null;
}

/** Stripe and Clerk publishable keys in the texts (Supabase and Firebase keys come with their configs). */
export function extractPkKeys(sources: readonly ScannedText[]): PublicKey[] {
  const keys: PublicKey[] = [];
  for (const source of sources) {
    if (!source.text.includes("pk_live_") && !source.text.includes("pk_test_")) continue;
    for (const match of source.text.matchAll(PK)) {
      if (keys.length >= MAX_KEYS) return keys;
      const kind = classifyPk(match[0]);
      if (!kind || isExampleKey(match[0]) || keys.some((key) => key.value === match[0])) continue;
      keys.push({ ...mentionAt(source, match[0], match.index), kind });
    }
  }
  return keys;
}
