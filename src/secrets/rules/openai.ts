import { CVSS_PAID_API_ABUSE } from "../cvss-vectors.ts";
import { BASE62, BASE64URL, fakeChars, join } from "../fake.ts";
import type { SecretRule } from "../rule.ts";
import { looksRandom } from "../token-shape.ts";

/** "T3BlbkFJ" is base64 for "OpenAI": OpenAI embeds it in its keys, which makes them unmistakable. */
const MARKER = "T3BlbkFJ";

/** OpenAI API keys: project, service-account and admin keys, and the legacy sk-...T3BlbkFJ... shape. */
export const openaiApiKey: SecretRule = {
  name: "openai-api-key",
  provider: "OpenAI",
  findingId: "secret.openai-api-key",
  // The marker is in every legacy key, 23 characters in; the newer keys start with their kind.
  keywords: ["sk-proj-", "sk-svcacct-", "sk-admin-", "sk-None-", "T3BlbkFJ"],
  window: { before: 24, after: 320 },
  pattern:
    /(?<![A-Za-z0-9_-])(?<secret>sk-(?:(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{40,250}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}))(?![A-Za-z0-9_-])/g,
  confidence: "high",
  verify(secret) {
    const random = secret.replace(/^sk-(?:proj|svcacct|admin|None)-/, "").replace(MARKER, "");
    if (!looksRandom(random, 4)) return null;
    const kind = /^sk-(proj|svcacct|admin)-/.exec(secret)?.[1];
    const label =
      kind === "svcacct"
        ? "OpenAI service-account key"
        : kind === "admin"
          ? "OpenAI admin key"
          : kind === "proj"
            ? "OpenAI project API key"
            : "OpenAI API key";
    return { kind: "secret", label, cvss: CVSS_PAID_API_ABUSE };
  },
  visiblePrefix: (secret) => /^sk-(?:(?:proj|svcacct|admin|None)-)?/.exec(secret)?.[0] ?? "",
  samples: {
    secret: [
      `new OpenAI({apiKey:"${join("sk-", "proj-", fakeChars("openai-proj-a", 74, BASE64URL), MARKER, fakeChars("openai-proj-b", 74, BASE64URL))}",dangerouslyAllowBrowser:!0})`,
      `const k='${join("sk-", fakeChars("openai-legacy-a", 20), MARKER, fakeChars("openai-legacy-b", 20))}'`,
      `"${join("sk-", "svcacct-", fakeChars("openai-svc", 120, BASE62))}"`,
    ],
    notSecret: [
      "const task-1 = 'sk-1'; desk-lamp; risk-assessment-tool",
      'className:"mask-image-linear-gradient-to-bottom-from-transparent-to-black"',
      "sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
      "sk-proj-your-openai-api-key-goes-here-and-nowhere-else-really",
      `apiKey: "sk-..."`,
    ],
  },
};
