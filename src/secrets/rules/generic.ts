import { CVSS_UNKNOWN_CREDENTIAL } from "../cvss-vectors.ts";
import { characterClasses, shannonEntropy } from "../entropy.ts";
import { fakeChars, HEX } from "../fake.ts";
import { isPlaceholder } from "../placeholder.ts";
import { isCssModuleClass, isKeyPath, isMostlyWords } from "../readable-value.ts";
import type { MatchContext, SecretRule, Verdict } from "../rule.ts";

/** Names that hold public or non-secret values even though they contain "key", "token" or "secret". */
const HARMLESS_NAME =
  /csrf|xsrf|nonce|captcha|site_?key|public|publishable|anon|page|cursor|search|algolia|mapbox|posthog|segment|amplitude|mixpanel|sentry|pusher|contentful|storyblok|prismic|sanity|maps|analytics|tracking|measurement|client_?id|app_?id|type|label|text|message|title|placeholder|url|uri|path|endpoint|route|header|name|pattern|regex|field|input|format|length|expir|count|hint|error|policy|mode|storage|cookie|prefix|hash|integrity|version|_id$|id$|(?:reset|forgot|change|update|confirm|verify|show|hide|toggle|lost|recover)[_-]?passw/i;

/**
 * "token" alone is everywhere in minified code (tokenizers, CSRF, pagination); only these token names,
 * and environment-style names (NPM_TOKEN), mean a credential.
 */
const CREDENTIAL_TOKEN_NAME =
  /(?:api|auth|bot|admin|service|server|master|secret|private|personal)[_-]?token/i;

const NAME_KEYWORDS =
  /secret|passw(?:or)?d|api[_-]?key|access[_-]?key|private[_-]?key|auth[_-]?key|admin[_-]?key|service[_-]?key|master[_-]?key|token|credential|creds|_auth$/i;

/** camelCase names that end in "Token" (`accessToken`, `slackToken`): a credential unless harmless. */
const CAMEL_TOKEN_NAME = /[a-z0-9]Token$/;

/** Configs whose "apiKey" is a search-only or client key meant for browsers (Algolia DocSearch). */
const PUBLIC_CONFIG = /algolia|appId|applicationId|indexName|searchOnly|authDomain|messagingSenderId/;

/**
 * The names that may hold a credential, as identifiers spell them (the scanner also tries each in lower
 * case, upper case and capitalised: `apiKey`, `APIKEY`, `ApiKey`).
 */
const GENERIC_KEYWORDS = [
  "secret",
  "passw",
  "apiKey",
  "api_key",
  "api-key",
  "accessKey",
  "access_key",
  "privateKey",
  "private_key",
  "token",
  "credential",
  "creds",
  "_auth",
];

/** Values shaped like a token: no spaces, no punctuation but the few that encodings use. */
const VALUE_CHARSET = /^[A-Za-z0-9_\-+/=.~]+$/;

/**
 * The fallback: a value assigned to a credential-sounding name (`apiSecret: "..."`, `DB_PASSWORD="..."`)
 * that looks random. Medium confidence: the name says secret, the provider is unknown.
 */
export const genericSecret: SecretRule = {
  name: "generic-secret",
  provider: "Unknown provider",
  findingId: "secret.generic",
  keywords: GENERIC_KEYWORDS,
  keywordsIgnoreCase: true,
  window: { before: 60, after: 0 },
  anchor: "identifier",
  pattern:
    /(?<name>[A-Za-z_$][\w$-]{0,80})\\?["'`]?\s*[:=]\s*\\?["'`](?<secret>[A-Za-z0-9_\-+/=.~]{16,256})\\?["'`]/y,
  confidence: "medium",
  // Last resort: any provider rule that matches the same value wins.
  priority: 10,
  verify(secret, context) {
    const name = /^[A-Za-z_$][\w$-]*/.exec(context.text.slice(context.start, context.end))?.[0] ?? "";
    return judgeAssignment(name, secret, context);
  },
  visiblePrefix: () => "",
  samples: {
    secret: [
      `const config={apiSecret:"${fakeChars("generic-1", 32)}",region:"eu"}`,
      `window.ENV={PAYMENT_API_KEY:"${fakeChars("generic-2", 40)}"}`,
      `{"db_password":"${fakeChars("generic-3", 24)}"}`,
      `headers:{"x-admin-token":"${fakeChars("generic-4", 32, HEX)}"}`,
      `process.env={NPM_TOKEN:"${fakeChars("generic-5", 36)}"}`,
      // Names the issue found missing: credentials, creds, *_auth, *Token.
      `const s3Credentials="${fakeChars("generic-6", 40)}"`,
      `{"creds":"${fakeChars("generic-7", 28)}"}`,
      `{basic_auth:"${fakeChars("generic-8", 32)}"}`,
      `const slackToken="${fakeChars("generic-9", 40)}"`,
    ],
    notSecret: [
      `{csrfToken:"${fakeChars("csrf", 40)}"}`,
      'password:"Passwort eingeben",passwordPlaceholder:"••••••••"',
      'const tokenizer=new Tokenizer({tokenType:"Identifier",token:"re_render_component_tree"})',
      'apiKey:"${API_KEY}",secret:"your-secret-here",password:"changeme"',
      'passwordResetUrl:"/account/password/reset/confirm"',
      'secretIcon:"static/media/secret.8f3a2b1c9d.svg"',
      `algolia:{appId:"BH4D9OD16A",apiKey:"${fakeChars("algolia", 32, HEX)}",indexName:"docs"}`,
      `mapboxAccessToken:"pk.${fakeChars("mapbox", 60)}"`,
      'nextPageToken:"CiAKGjBpNDd2Nmp2Zml2cXRwYjBpOXA1bXRnMTQ"',
      'secretKeyName:"session_secret_v2",accessKeyPrefix:"ak_live"',
      'errors:{password_too_short:"Use at least 12 characters"}',
      // Seen in real bundles and fixtures: a malformed Firebase key in its config, CSS Modules class maps
      // (Next.js, css-loader, Vite), webpack chunk-hash maps keyed by page, i18n key paths, word names.
      'const firebaseConfig={apiKey:"AIzaSyD-kitchen-sink-not-a-real-key-00000",authDomain:"x.firebaseapp.com"}',
      'var o={secretCard:"Dashboard_secretCard__Q2x9z",apiKeyRow:"ApiKeys_apiKeyRow__1aB3c"}',
      'e.exports={secretWrapper:"secret-module__secretWrapper--3Xa9k",passwordStrong:"Password-module__strong--2kZ8q"}',
      'const s={tokenSecret:"_tokenSecret_1a2b3_12",apiKeyCell:"_apiKeyCell_9f8e7_40"}',
      '{"forgot-password":"3f2a8b9c1d4e5f60","reset-password":"a7b8c9d0e1f2a3b4"}',
      'const i18n={passwordKey:"login.form.password2Field",secretKey:"settings.apiKeys.secret3"}',
      '{privateKey:"MyPrivateKeyStoreV2Name",secret:"Sorry2FaIsRequiredHere"}',
      // Yarn's public npm-search key (see known-public-values.ts), alone as Yarn's bundle ships it.
      `apiKey:"${["6fe4476ee5a183288", "2e326b506d14126"].join("")}"`,
      // "author" is not "_auth"; a credential-free name ending in Token.
      `{post_author:"${fakeChars("author", 24)}",cancelTokenSourceName:"AbortControllerSignal2"}`,
    ],
  },
};

/**
 * Whether a value assigned to `name` is a credential: the name must say so and not be a harmless one,
 * and the value must look random. Shared by the quoted-assignment and the .env-line rules.
 */
function judgeAssignment(name: string, secret: string, context: MatchContext): Verdict | null {
  if (!NAME_KEYWORDS.test(name) || HARMLESS_NAME.test(name)) return null;
  if (PUBLIC_CONFIG.test(context.text.slice(Math.max(0, context.start - 200), context.end + 200)))
    return null;
  const envStyle = /^[A-Z][A-Z0-9_]*_TOKEN$/.test(name);
  if (
    /token/i.test(name) &&
    !/secret|passw|key|credential|creds/i.test(name) &&
    !envStyle &&
    !CREDENTIAL_TOKEN_NAME.test(name) &&
    !CAMEL_TOKEN_NAME.test(name)
  )
    return null;
  if (!VALUE_CHARSET.test(secret) || isPlaceholder(secret)) return null;
  // Public tokens (Mapbox pk., PostHog phc_, Google AIza), JWTs (their own rules), URLs, paths, files.
  if (/^(?:eyJ|pk[._]|phc_|AIza|http|\/|\.)/.test(secret) || secret.includes("//")) return null;
  if (/\.(?:js|mjs|css|png|svg|jpe?g|webp|gif|json|html?|woff2?)$/i.test(secret)) return null;
  if (!/[0-9]/.test(secret) || !/[A-Za-z]/.test(secret)) return null;
  // Build-tool and human names: CSS Modules classes, i18n key paths, camelCase words under "apiKey".
  if (isCssModuleClass(secret) || isKeyPath(secret)) return null;
  if (!/passw/i.test(name) && isMostlyWords(secret)) return null;
  const hexOnly = /^[0-9a-f]+$/i.test(secret);
  if (!hexOnly && characterClasses(secret) < 3) return null;
  if (shannonEntropy(secret) < (hexOnly ? 3.3 : 3.7)) return null;
  return { kind: "secret", label: `Credential in "${name.slice(0, 60)}"`, cvss: CVSS_UNKNOWN_CREDENTIAL };
}

/**
 * Unquoted `NAME=value` lines, as in a served `.env`, `.npmrc` or shell config: only at the start of a
 * line (after `export `), so `a=b` inside minified code never matches.
 */
export const genericEnvLine: SecretRule = {
  name: "generic-env-line",
  provider: "Unknown provider",
  findingId: "secret.generic",
  keywords: GENERIC_KEYWORDS,
  keywordsIgnoreCase: true,
  window: { before: 60, after: 0 },
  anchor: "identifier",
  pattern:
    /(?<=(?:^|[\r\n])[ \t]{0,8}(?:export[ \t]+)?)(?<name>[A-Za-z_][\w.-]{0,80})[ \t]*=[ \t]*(?<secret>[A-Za-z0-9_\-+/=.~]{16,256})(?=[ \t]*(?:#[^\r\n]*)?(?:[\r\n]|$))/y,
  confidence: "medium",
  priority: 10,
  verify(secret, context) {
    const name = /^[A-Za-z_][\w.-]*/.exec(context.text.slice(context.start, context.end))?.[0] ?? "";
    return judgeAssignment(name, secret, context);
  },
  visiblePrefix: () => "",
  samples: {
    secret: [
      `NODE_ENV=production\nSTRIPE_WEBHOOK_SECRET=${fakeChars("env-1", 40)}\nPORT=3000\n`,
      `# deploy\nexport DEPLOY_API_KEY=${fakeChars("env-2", 32)}  # rotated monthly\n`,
      `registry=https://registry.npmjs.org/\n_auth=${fakeChars("env-3", 44)}\nalways-auth=true\n`,
    ],
    notSecret: [
      "SECRET_KEY=changeme\nDB_PASSWORD=\nAPI_URL=https://api.example.com\n",
      `!function(){var t;t.secretKey=${fakeChars("env-minified", 24)};}()`,
      `APP_NAME=shop\nPUBLIC_TOKEN_NAME=${fakeChars("env-4", 24)}\n`,
    ],
  },
};
