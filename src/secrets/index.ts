export { scanText, findSecrets, redactWith, type KeyMatch } from "./engine.ts";
export { findPublicKeys, classifyKey, type PublicKey, type KeyClass } from "./public-keys.ts";
export { supabaseClaims, type SupabaseClaims } from "./supabase-jwt.ts";
export { redactSecret } from "./redact.ts";
export { RULES } from "./rules/index.ts";
export type { SecretRule, Verdict, Confidence, KeyKind } from "./rule.ts";
