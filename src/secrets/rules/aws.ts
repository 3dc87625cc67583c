import { CVSS_ACCOUNT_TAKEOVER } from "../cvss-vectors.ts";
import { BASE64, fakeChars, join } from "../fake.ts";
import { isPlaceholder } from "../placeholder.ts";
import type { MatchContext, SecretRule } from "../rule.ts";
import { looksRandom } from "../token-shape.ts";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const NEAR = 400;
const SECRET_KEY = /(?<![A-Za-z0-9/+=])([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/g;

/**
 * AWS access key ids (AKIA long-term, ASIA temporary). An id alone identifies a key but cannot sign
 * requests; with its 40-character secret access key beside it, it is the account.
 */
export const awsAccessKey: SecretRule = {
  name: "aws-access-key",
  provider: "AWS",
  findingId: "secret.aws-access-key",
  keywords: ["KIA", "SIA"],
  window: { before: 2, after: 24 },
  pattern: /(?<![A-Za-z0-9])(?<secret>(?:AKIA|ASIA)[A-Z2-7]{16})(?![A-Za-z0-9])/g,
  confidence: "high",
  verify(secret, context) {
    if (!looksRandom(secret.slice(4), 3, 1) || isPlaceholder(secret)) return null;
    const temporary = secret.startsWith("ASIA");
    const pair = secretAccessKeyNearby(context);
    const what = temporary ? "AWS temporary access key id" : "AWS access key id";
    return pair
      ? {
          kind: "secret",
          label: `${what} with its secret access key`,
          cvss: CVSS_ACCOUNT_TAKEOVER,
          related: [pair],
        }
      : { kind: "secret", label: what, confidence: "medium" };
  },
  visiblePrefix: (secret) => secret.slice(0, 4),
  samples: {
    secret: [
      `const s3 = new S3({credentials:{accessKeyId:"${awsId("aws-1")}",secretAccessKey:"${awsSecret("aws-1")}"}})`,
      `{"aws_access_key_id":"${awsId("aws-2", "ASIA")}"}`,
    ],
    notSecret: [
      "accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'",
      "AKIAXXXXXXXXXXXXXXXX",
      "var MAKIAVELLI_ASIAN_FOODS = 1",
    ],
  },
};

function awsId(seed: string, prefix = "AKIA"): string {
  return join(prefix, fakeChars(seed, 16, BASE32));
}

function awsSecret(seed: string): string {
  return fakeChars(`${seed}-secret`, 40, BASE64);
}

/** Offsets of a 40-character base64 value within a few hundred characters, named as a secret. */
function secretAccessKeyNearby(context: MatchContext): readonly [number, number] | undefined {
  const from = Math.max(0, context.start - NEAR);
  const window = context.text.slice(from, Math.min(context.text.length, context.end + NEAR));
  if (!/secret/i.test(window)) return undefined;
  SECRET_KEY.lastIndex = 0;
  for (let match = SECRET_KEY.exec(window); match; match = SECRET_KEY.exec(window)) {
    if (looksRandom(match[1] ?? "", 4, 3)) return [from + match.index, from + match.index + 40];
  }
  return undefined;
}
