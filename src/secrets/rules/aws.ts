import { CVSS_ACCOUNT_TAKEOVER, CVSS_PAID_API_ABUSE } from "../cvss-vectors.ts";
import { BASE64, fakeChars, join } from "../fake.ts";
import { isPlaceholder } from "../placeholder.ts";
import type { MatchContext, SecretRule } from "../rule.ts";
import { looksRandom } from "../token-shape.ts";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const NEAR = 400;
/**
 * Maximal runs of base64 characters: a secret access key is a run of exactly 40 with no "=". Reading runs
 * is linear; a 40-character pattern tried at every offset of a long run was not.
 */
const BASE64_RUN = /[A-Za-z0-9/+=]+/g;
const SECRET_WORD = /secret/i;

/**
 * The prefixes of AWS unique ids that are credentials (IAM User Guide, "Understanding unique ID
 * prefixes"): AKIA access keys, ASIA temporary (STS) keys, ABIA STS service bearer tokens, ACCA
 * context-specific credentials. The other documented prefixes (AGPA group, AIDA user, AIPA instance
 * profile, ANPA/ANVA managed policy and version, APKA public key, AROA role, ASCA certificate) name a
 * resource and grant nothing: reporting them would be a false finding, so they are look-alikes here.
 */
const CREDENTIAL_PREFIXES: Record<string, string> = {
  AKIA: "AWS access key id",
  ASIA: "AWS temporary access key id",
  ABIA: "AWS STS bearer token id",
  ACCA: "AWS context-specific credential id",
};

/**
 * AWS access key ids. An id alone identifies a key but cannot sign requests; with its 40-character secret
 * access key beside it, it is the account.
 */
export const awsAccessKey: SecretRule = {
  name: "aws-access-key",
  provider: "AWS",
  findingId: "secret.aws-access-key",
  keywords: Object.keys(CREDENTIAL_PREFIXES),
  window: { before: 1, after: 24 },
  pattern: /(?<![A-Za-z0-9])(?<secret>(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})(?![A-Za-z0-9])/g,
  confidence: "high",
  verify(secret, context) {
    if (!looksRandom(secret.slice(4), 3, 1) || isPlaceholder(secret)) return null;
    const pair = secretAccessKeyNearby(context);
    const what = CREDENTIAL_PREFIXES[secret.slice(0, 4)] ?? "AWS access key id";
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
      `credentials:{accessKeyId:"${awsId("aws-3", "ABIA")}",secretAccessKey:"${awsSecret("aws-3")}"}`,
      `AWS_ACCESS_KEY_ID: "${awsId("aws-4", "ACCA")}"`,
    ],
    notSecret: [
      // Unique ids of a role, a user, a group and a managed policy: names, not credentials.
      `{"RoleId":"${awsId("aws-role", "AROA")}","UserId":"${awsId("aws-user", "AIDA")}"}`,
      `{"GroupId":"${awsId("aws-group", "AGPA")}","PolicyId":"${awsId("aws-policy", "ANPA")}"}`,
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

/**
 * Offsets of a 40-character base64 value within a few hundred characters, named as a secret. Read in
 * place (no slice of the window): a hostile text holds thousands of key ids.
 */
function secretAccessKeyNearby(context: MatchContext): readonly [number, number] | undefined {
  const { text } = context;
  const from = Math.max(0, context.start - NEAR);
  const to = Math.min(text.length, context.end + NEAR);
  // The word is looked for in the window only: searched from each id to the end of a text without
  // it, thousands of ids would read the text thousands of times.
  if (!SECRET_WORD.test(text.slice(from, to))) return undefined;
  BASE64_RUN.lastIndex = from;
  for (let match = BASE64_RUN.exec(text); match && match.index < to; match = BASE64_RUN.exec(text)) {
    const run = match[0];
    // A run cut by the window's edges is not whole: only runs inside it count, as before.
    const cut = match.index === from && from > 0 && /[A-Za-z0-9/+=]/.test(text.charAt(from - 1));
    if (cut || match.index + run.length > to) continue;
    if (run.length === 40 && !run.includes("=") && looksRandom(run, 4, 3))
      return [match.index, match.index + 40];
  }
  return undefined;
}

const BEDROCK_LONG_TERM = "ABSKQmVkcm9ja0FQSUtleS";
const BEDROCK_SHORT_TERM = "bedrock-api-key-";

/**
 * Amazon Bedrock API keys. A long-term key is "ABSK" + base64 of "BedrockAPIKey-<id>-at-<account>:<secret>"
 * (so it always starts with the encoded "BedrockAPIKey-"); a short-term key is "bedrock-api-key-" + base64
 * of a presigned bedrock.amazonaws.com URL, valid up to 12 hours. Either calls models billed to the account.
 */
export const awsBedrockApiKey: SecretRule = {
  name: "aws-bedrock-api-key",
  provider: "AWS",
  findingId: "secret.aws-access-key",
  keywords: [BEDROCK_LONG_TERM, BEDROCK_SHORT_TERM],
  window: { before: 1, after: 4000 },
  pattern:
    /(?<![A-Za-z0-9+/=_-])(?<secret>ABSKQmVkcm9ja0FQSUtleS[A-Za-z0-9+/]{80,300}={0,2}|bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/]{100,3000}={0,2})(?![A-Za-z0-9+/=_-])/g,
  confidence: "high",
  verify(secret) {
    const longTerm = secret.startsWith(BEDROCK_LONG_TERM);
    const decoded = Buffer.from(secret.slice(longTerm ? 4 : BEDROCK_SHORT_TERM.length), "base64").toString(
      "latin1",
    );
    if (longTerm ? !/^BedrockAPIKey-[\w-]+-at-\d{12}:/.test(decoded) : !decoded.includes("X-Amz-Credential"))
      return null;
    if (isPlaceholder(decoded)) return null;
    return {
      kind: "secret",
      label: longTerm ? "Amazon Bedrock long-term API key" : "Amazon Bedrock short-term API key",
      cvss: CVSS_PAID_API_ABUSE,
    };
  },
  visiblePrefix: (secret) => (secret.startsWith("ABSK") ? "ABSK" : BEDROCK_SHORT_TERM),
  samples: {
    secret: [
      `const bedrock=new BedrockRuntimeClient({token:"${bedrockLongTerm("bedrock-1")}"})`,
      `AWS_BEARER_TOKEN_BEDROCK="${bedrockShortTerm("bedrock-2")}"`,
    ],
    notSecret: [
      // The right prefix, but what it encodes is a documentation placeholder.
      `"${join("AB", "SK", Buffer.from(`BedrockAPIKey-abcd-at-123456789012:YOUR_SECRET_HERE_${"x".repeat(60)}`).toString("base64"))}"`,
      `"${join("bedrock-", "api-key-", Buffer.from(`bedrock.amazonaws.com/?Action=CallWithBearerToken&${"y".repeat(90)}`).toString("base64"))}"`,
    ],
  },
};

function bedrockLongTerm(seed: string): string {
  const inner = `BedrockAPIKey-${fakeChars(`${seed}-id`, 4).toLowerCase()}-at-${fakeChars(`${seed}-acct`, 12, "0123456789")}:${fakeChars(`${seed}-secret`, 60, BASE64)}`;
  return join("AB", "SK", Buffer.from(inner, "latin1").toString("base64"));
}

function bedrockShortTerm(seed: string): string {
  const url = `bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${awsId(seed, "ASIA")}%2F20260101%2Fus-east-1%2Fbedrock%2Faws4_request&X-Amz-Date=20260101T101530Z&X-Amz-Expires=43200&X-Amz-Security-Token=${encodeURIComponent(fakeChars(`${seed}-session`, 120, BASE64))}&X-Amz-Signature=${fakeChars(`${seed}-sig`, 64, "0123456789abcdef")}&Version=1`;
  return join("bedrock-", "api-key-", Buffer.from(url, "latin1").toString("base64"));
}
