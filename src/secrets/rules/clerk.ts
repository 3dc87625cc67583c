import { join } from "../fake.ts";
import type { SecretRule } from "../rule.ts";

/** Clerk publishable keys are pk_(live|test)_ + base64("<frontend api host>$"). */
export function isClerkPublishableKey(value: string): boolean {
  return clerkFrontendApi(value) !== undefined;
}

function clerkFrontendApi(value: string): string | undefined {
  const encoded = value.replace(/^pk_(?:live|test)_/, "");
  if (encoded === value || !/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) return undefined;
  const decoded = Buffer.from(encoded, "base64").toString("latin1");
  return /^[a-z0-9.-]+\.[a-z]{2,}\$$/.test(decoded) ? decoded.slice(0, -1) : undefined;
}

function clerkKey(mode: "live" | "test", host: string): string {
  return join("pk_", mode, "_", Buffer.from(`${host}$`, "latin1").toString("base64"));
}

/** Clerk publishable keys: made for the browser (they name the Frontend API host), never a secret. */
export const clerkPublishableKey: SecretRule = {
  name: "clerk-publishable-key",
  provider: "Clerk",
  findingId: "info.public-key",
  keywords: ["_live_", "_test_"],
  window: { before: 3, after: 200 },
  pattern: /(?<![A-Za-z0-9_])(?<secret>pk_(?:live|test)_[A-Za-z0-9+/]{16,180}={0,2})(?![A-Za-z0-9_])/g,
  confidence: "high",
  // Checked before Stripe's publishable rule: the base64 shape is what tells the two apart.
  priority: -1,
  verify(secret) {
    const frontendApi = clerkFrontendApi(secret);
    if (!frontendApi) return null;
    return { kind: "public", label: "Clerk publishable key", provider: "clerk", facts: { frontendApi } };
  },
  visiblePrefix: (secret) => /^pk_(?:live|test)_/.exec(secret)?.[0] ?? "",
  samples: {
    secret: [],
    notSecret: [],
    public: [
      `publishableKey:"${clerkKey("test", "happy-otter-12.clerk.accounts.dev")}"`,
      `const k="${clerkKey("live", "clerk.shop.dev")}"`,
    ],
  },
};
