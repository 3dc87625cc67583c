export { scanText, findSecrets, redactWith, type KeyMatch } from "./engine.ts";
export { findPublicKeys, classifyKey, type PublicKey, type KeyClass } from "./public-keys.ts";
export { supabaseClaims, type SupabaseClaims } from "./supabase-jwt.ts";
export { redactSecret } from "./redact.ts";
export { RULES } from "./rules/index.ts";
export type { SecretRule, Verdict, Confidence, KeyKind } from "./rule.ts";
export {
  CVSS_ACCOUNT_TAKEOVER,
  CVSS_DATABASE_TAKEOVER,
  CVSS_PAID_API_ABUSE,
  CVSS_PARTIAL_CREDENTIAL,
  CVSS_SEND_AS_YOU,
  CVSS_TEST_KEY,
  CVSS_UNKNOWN_CREDENTIAL,
} from "./cvss-vectors.ts";
export { positionOf, publicEnvPrefix, variableBefore } from "./location.ts";
export { isPlaceholder } from "./placeholder.ts";
export { type Span, replaceSpans } from "./redact.ts";
