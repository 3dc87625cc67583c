/** The claims of a Supabase-issued JWT that decide what the key can do. */
export interface SupabaseClaims {
  role: string;
  /** The project ref: https://<ref>.supabase.co */
  ref?: string;
  iss?: string;
}

/**
 * Decodes a JWT's payload (base64url JSON) without verifying it, and returns its claims when Supabase
 * issued it (iss "supabase", or a project ref). The role decides: anon is public, service_role is the
 * master key that bypasses Row Level Security.
 */
export function supabaseClaims(token: string): SupabaseClaims | undefined {
  const payload = token.split(".")[1];
  if (!payload || payload.length > 4096) return undefined;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  if (typeof claims !== "object" || claims === null) return undefined;
  const { role, ref, iss } = claims as Record<string, unknown>;
  if (typeof role !== "string") return undefined;
  const issuedBySupabase = typeof iss === "string" && /supabase/i.test(iss);
  if (!issuedBySupabase && typeof ref !== "string") return undefined;
  return {
    role,
    ...(typeof ref === "string" ? { ref: ref.slice(0, 64) } : {}),
    ...(typeof iss === "string" ? { iss: iss.slice(0, 200) } : {}),
  };
}
