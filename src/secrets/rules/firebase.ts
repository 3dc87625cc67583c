import { BASE64URL, fakeChars, join } from "../fake.ts";
import type { MatchContext, SecretRule, Verdict } from "../rule.ts";
import { nearby } from "../token-shape.ts";

const LOOK_AROUND = 1500;

function configValue(context: MatchContext, field: string): string | undefined {
  const pattern = new RegExp(`["']?${field}["']?\\s*:\\s*["']([A-Za-z0-9._:/-]{3,200})["']`);
  return nearby(context.text, context.start - LOOK_AROUND, context.end + LOOK_AROUND, pattern);
}

/**
 * Google API keys (AIza...). In a Firebase web config they identify the project and are public by design
 * (Firebase Security Rules protect the data); elsewhere they are browser keys restricted by referrer.
 * Either way not a secret: the Firebase probes use the config to test the rules.
 */
export const firebaseWebApiKey: SecretRule = {
  name: "firebase-web-api-key",
  provider: "Firebase",
  findingId: "info.public-key",
  keywords: ["AIza"],
  window: { before: 2, after: 40 },
  pattern: /(?<![A-Za-z0-9_-])(?<secret>AIza[0-9A-Za-z_-]{35})(?![A-Za-z0-9_-])/g,
  confidence: "high",
  verify(_secret, context): Verdict {
    const projectId = configValue(context, "projectId");
    const authDomain = configValue(context, "authDomain");
    const databaseURL = configValue(context, "databaseURL");
    const storageBucket = configValue(context, "storageBucket");
    const isFirebase = Boolean(projectId || authDomain || databaseURL || storageBucket);
    const facts: Record<string, string> = {};
    if (projectId) facts.projectId = projectId;
    if (authDomain) facts.authDomain = authDomain;
    if (databaseURL) facts.databaseURL = databaseURL;
    if (storageBucket) facts.storageBucket = storageBucket;
    return isFirebase
      ? { kind: "public", label: "Firebase web config apiKey", provider: "firebase", facts }
      : { kind: "public", label: "Google API key (browser key)", provider: "google" };
  },
  visiblePrefix: () => "AIza",
  samples: {
    secret: [],
    notSecret: [],
    public: [
      `const firebaseConfig={apiKey:"${join("AI", "za", fakeChars("firebase", 35, BASE64URL))}",authDomain:"shop-7f3a.firebaseapp.com",projectId:"shop-7f3a",storageBucket:"shop-7f3a.appspot.com"};`,
      `maps.googleapis.com/maps/api/js?key=${join("AI", "za", fakeChars("maps", 35, BASE64URL))}`,
    ],
  },
};
