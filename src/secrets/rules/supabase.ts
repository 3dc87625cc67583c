import { CVSS_DATABASE_TAKEOVER } from "../cvss-vectors.ts";
import { BASE62, fakeChars, fakeJwt, join } from "../fake.ts";
import type { MatchContext, SecretRule, Verdict } from "../rule.ts";
import { supabaseClaims } from "../supabase-jwt.ts";
import { looksRandom, nearby } from "../token-shape.ts";

const PROJECT_URL = /https:\/\/([a-z0-9]{20})\.supabase\.(?:co|in)/;
const LOOK_AROUND = 2000;

/** The project URL written near the key (createClient(url, key)), for the backend probes. */
function projectUrlNear(context: MatchContext): string | undefined {
  const ref = nearby(context.text, context.start - LOOK_AROUND, context.end + LOOK_AROUND, PROJECT_URL);
  return ref ? `https://${ref}.supabase.co` : undefined;
}

/**
 * Supabase API keys as JWTs: the role claim decides. `anon` is made for the browser (Row Level Security
 * protects the data); `service_role` bypasses RLS and is the whole database.
 */
export const supabaseJwt: SecretRule = {
  name: "supabase-jwt",
  provider: "Supabase",
  findingId: "secret.supabase-service-role-key",
  keywords: ["eyJ"],
  window: { before: 1, after: 1500 },
  pattern:
    /(?<![A-Za-z0-9_-])(?<secret>eyJ[A-Za-z0-9_-]{10,200}\.eyJ[A-Za-z0-9_-]{10,1000}\.[A-Za-z0-9_-]{20,200})(?![A-Za-z0-9_-])/g,
  confidence: "high",
  verify(secret, context): Verdict | null {
    const claims = supabaseClaims(secret);
    if (!claims) return null;
    const url = projectUrlNear(context) ?? (claims.ref ? `https://${claims.ref}.supabase.co` : undefined);
    const facts = { role: claims.role, ...(claims.ref ? { ref: claims.ref } : {}), ...(url ? { url } : {}) };
    if (claims.role === "service_role") {
      return { kind: "secret", label: "Supabase service_role key", cvss: CVSS_DATABASE_TAKEOVER, facts };
    }
    if (claims.role === "anon")
      return { kind: "public", label: "Supabase anon key", provider: "supabase", facts };
    return null;
  },
  visiblePrefix: () => "eyJ",
  samples: {
    secret: [
      `createClient("https://abcdefghijklmnopqrst.supabase.co","${serviceRoleJwt()}")`,
      `{"SUPABASE_SERVICE_ROLE_KEY":"${serviceRoleJwt("supabase-2", "zyxwvutsrqponmlkjihg")}"}`,
    ],
    notSecret: [
      // A Supabase user session (role authenticated) and a JWT from another issuer: neither is an API key.
      `{"access_token":"${fakeJwt({ iss: "https://abcdefghijklmnopqrst.supabase.co/auth/v1", role: "authenticated", sub: "5b0c" }, "supabase-session")}"}`,
      `token:"${fakeJwt({ iss: "https://auth.example-app.io", role: "service_role", sub: "1" }, "other-issuer")}"`,
    ],
    public: [
      `createClient("https://abcdefghijklmnopqrst.supabase.co","${fakeJwt({ iss: "supabase", ref: "abcdefghijklmnopqrst", role: "anon", iat: 1700000000, exp: 2015576000 }, "supabase-anon")}")`,
    ],
  },
};

function serviceRoleJwt(seed = "supabase-service", ref = "abcdefghijklmnopqrst"): string {
  return fakeJwt({ iss: "supabase", ref, role: "service_role", iat: 1700000000, exp: 2015576000 }, seed);
}

/** Supabase's newer API keys: sb_publishable_ (browser) and sb_secret_ (server only, bypasses RLS). */
export const supabaseApiKey: SecretRule = {
  name: "supabase-api-key",
  provider: "Supabase",
  findingId: "secret.supabase-service-role-key",
  keywords: ["sb_secret_", "sb_publishable_"],
  window: { before: 1, after: 120 },
  pattern: /(?<![A-Za-z0-9_])(?<secret>sb_(?:secret|publishable)_[A-Za-z0-9_-]{20,100})(?![A-Za-z0-9_-])/g,
  confidence: "high",
  verify(secret, context): Verdict | null {
    const publishable = secret.startsWith("sb_publishable_");
    if (!looksRandom(secret.replace(/^sb_(?:secret|publishable)_/, ""), 3.5)) return null;
    const url = projectUrlNear(context);
    const facts = { role: publishable ? "anon" : "service_role", ...(url ? { url } : {}) };
    return publishable
      ? { kind: "public", label: "Supabase publishable key", provider: "supabase", facts }
      : { kind: "secret", label: "Supabase secret key", cvss: CVSS_DATABASE_TAKEOVER, facts };
  },
  visiblePrefix: (secret) => (secret.startsWith("sb_secret_") ? "sb_secret_" : "sb_publishable_"),
  samples: {
    secret: [
      `const admin = createClient(url, "${join("sb_", "secret_", fakeChars("sb-secret", 31, BASE62))}")`,
    ],
    notSecret: ["sb_secret_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "const sb_secret_count = 3"],
    public: [`createClient(url, "${join("sb_", "publishable_", fakeChars("sb-publishable", 31, BASE62))}")`],
  },
};
