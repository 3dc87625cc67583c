import { parseSetCookie } from "set-cookie-parser";
import { getPublicSuffix } from "tldts";
import {
  type Recording,
  type Exchange,
  headerValue,
  headerValues,
  isSameSite,
  defineArtifact,
} from "../core/index.ts";

/** One cookie as one response set it, with what a browser would make of it. The value itself is never kept. */
export interface ObservedCookie {
  exchange: Exchange;
  /** The URL of the response that set it. */
  url: string;
  /** host[:port] of that response: findings are one per cookie name and host. */
  host: string;
  https: boolean;
  name: string;
  /** The Set-Cookie line with the value replaced by its length. */
  line: string;
  secure: boolean;
  httpOnly: boolean;
  /** SameSite as a browser reads it; "invalid" for a value no browser knows (treated as absent). */
  sameSite: "strict" | "lax" | "none" | "invalid" | undefined;
  /** Domain attribute, lower-cased, without a leading dot. */
  domain: string | undefined;
  path: string | undefined;
  /** Where the browser sends it back. */
  scope: string;
  /** Why this looks like a session or auth cookie (framework name, value shape), or undefined. */
  session: string | undefined;
  /** The cookie deletes itself (Max-Age <= 0 or an Expires in the past): nothing to judge. */
  deletion: boolean;
  /** Why a browser refuses to store it regardless of prefix or SameSite rules (Domain mismatch), if it does. */
  rejected: string | undefined;
}

const MAX_COOKIES = 300;
const MAX_LINE = 400;

/**
 * Session and auth cookie names of real frameworks, and generic names that mean the same. The label says what
 * set it, for the finding's summary.
 */
const SESSION_NAMES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^connect\.sid$/i, "the Express session cookie (express-session)"],
  [/^(express|koa)[:.]sess(\.sig)?$/i, "a cookie-session / Koa session cookie"],
  [/^(__secure-|__host-)?next-auth\.session-token(\.\d+)?$/i, "the NextAuth.js session token"],
  [/^(__secure-|__host-)?authjs\.session-token(\.\d+)?$/i, "the Auth.js session token"],
  [/^sb-[a-z0-9-]+-auth-token(-code-verifier)?(\.\d+)?$/i, "the Supabase Auth session cookie"],
  [/^sb-(access|refresh)-token$/i, "a Supabase Auth token cookie"],
  [/^phpsessid$/i, "the PHP session cookie"],
  [/^jsessionid$/i, "the Java servlet session cookie"],
  [/^laravel_session$/i, "the Laravel session cookie"],
  [/^remember_[a-z]+_[0-9a-f]{20,}$/i, "the Laravel remember-me cookie"],
  [/^asp\.net_sessionid$/i, "the ASP.NET session cookie"],
  [/^\.aspnetcore\.(session|identity\.application|cookies)/i, "the ASP.NET Core auth cookie"],
  [/^\.aspxauth$/i, "the ASP.NET forms-auth cookie"],
  [/^_[a-z0-9_-]*_session$/i, "a Rails-style session cookie"],
  [
    /^(__session|_session|session|sessionid|session_id|session-id|sessid|sid|connect\.sess)$/i,
    "a session cookie",
  ],
  [/^wordpress_(logged_in|sec)_[0-9a-f]{32}$/i, "the WordPress login cookie"],
  [/^aspsessionid[a-z]{8}$/i, "the classic ASP session cookie"],
  // The session word ends the name, or only an id-like suffix follows it ("ci_session", "x-session-id",
  // "shop_session_v2"): "session_start" or "session_count" are analytics counters, not sessions.
  [
    /(^|[_.-])sess(ion)?(id)?([_.-](id|key|token|sig|data|v?\d+|[0-9a-f]{8,}))*$/i,
    "a session cookie (by its name)",
  ],
  [/^(access|refresh|auth|id|jwt|session|user)[_.-]?token$/i, "an auth token cookie"],
  [/^(auth|jwt|token|remember_token|remember_me|rememberme)$/i, "an auth cookie"],
  [/^__(host|secure)-/i, "a cookie with a __Host-/__Secure- prefix (used for sensitive cookies)"],
];

/** Cookies that scripts must read by design (double-submit CSRF tokens): never session-like, whatever their name. */
const READABLE_BY_DESIGN = /csrf|xsrf/i;
/**
 * Cookies the hosting platform or CDN sets on every site it serves (bot management, load-balancer stickiness,
 * Vercel's preview toolbar): they hold no visitor session of the site and the site cannot change their
 * attributes, so they are never session-like, even when the value is a JWT (`__vercel_live_token`).
 */
const PLATFORM_COOKIES =
  /^(__cf_bm|_cfuvid|cf_clearance|__cflb|__cfruid|__cfwaitingroom|cf_ob_info|cf_use_ob|awsalb(cors|tg|tgcors)?|awselb(cors)?|__vercel_live_token|_vercel_jwt|nf_ab)$/i;
const JWT_VALUE = /^(base64-)?eyJ[\w-]{5,}\.eyJ[\w-]{5,}\.[\w-]*$/;

/** Every Set-Cookie on every recorded same-site response, parsed once; one entry per cookie name and URL. */
export const ObservedCookies = defineArtifact(
  "observed-cookies",
  (artifacts: Recording): ObservedCookie[] => {
    const cookies: ObservedCookie[] = [];
    const seen = new Set<string>();
    for (const exchange of artifacts.exchanges) {
      const response = exchange.response;
      if (!response) continue;
      const lines = headerValues(response.headers, "set-cookie");
      if (lines.length === 0) continue;
      const url = new URL(exchange.request.url);
      // Cookies a third party (a BaaS, a CDN for someone else) sets are not the site's to fix.
      if (!isSameSite(artifacts.target, url)) continue;
      for (const line of lines.flatMap(splitLine)) {
        const cookie = observe(exchange, url, line, headerValue(response.headers, "date"));
        if (!cookie) continue;
        const key = `${cookie.url} ${cookie.name}`;
        if (seen.has(key)) continue;
        seen.add(key);
        cookies.push(cookie);
        if (cookies.length >= MAX_COOKIES) return cookies;
      }
    }
    return cookies;
  },
);

/**
 * Cookies that a browser stores and that stay: what the attribute checks judge. A cookie that breaks its
 * prefix rules is refused by browsers, and cookie.invalid-prefix alone reports it.
 */
export const LiveCookies = defineArtifact("live-cookies", (recording): ObservedCookie[] =>
  ObservedCookies.of(recording).filter(
    (cookie) => !cookie.deletion && !cookie.rejected && prefixViolation(cookie) === undefined,
  ),
);

/** A prefix a browser enforces on this name (matched case-insensitively, as RFC 6265bis now asks). */
export function cookiePrefix(name: string): "__Host-" | "__Secure-" | undefined {
  if (/^__host-/i.test(name)) return "__Host-";
  if (/^__secure-/i.test(name)) return "__Secure-";
  return undefined;
}

/** Why a __Host-/__Secure- cookie breaks its prefix rules (browsers then refuse it), or undefined. */
export function prefixViolation(cookie: ObservedCookie): string | undefined {
  const prefix = cookiePrefix(cookie.name);
  if (!prefix) return undefined;
  const problems: string[] = [];
  if (!cookie.secure) problems.push("it lacks Secure");
  if (!cookie.https) problems.push("it was set over plain http");
  if (prefix === "__Host-") {
    if (cookie.domain !== undefined) problems.push(`it sets Domain=${cookie.domain}`);
    if (cookie.path !== "/")
      problems.push(cookie.path ? `its Path is ${cookie.path}, not /` : "it has no Path=/");
  }
  return problems.length > 0
    ? `${prefix} cookies must ${prefixRules(prefix)}, but ${problems.join(" and ")}`
    : undefined;
}

function prefixRules(prefix: "__Host-" | "__Secure-"): string {
  return prefix === "__Host-"
    ? "be Secure, set over https, with Path=/ and no Domain"
    : "be Secure and set over https";
}

function splitLine(line: string): string[] {
  // The HTTP layer records each Set-Cookie header on its own, so one line is one cookie (never split on
  // commas: Expires dates contain them). Absurdly long lines are skipped rather than parsed.
  return line.length > 8192 ? [] : [line];
}

function observe(
  exchange: Exchange,
  url: URL,
  line: string,
  date: string | undefined,
): ObservedCookie | undefined {
  const [parsed] = parseSetCookie(line, { decodeValues: false, silent: true, split: false });
  if (!parsed?.name) return undefined;
  const hostname = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const domain = parsed.domain?.trim().replace(/^\./, "").toLowerCase() || undefined;
  const sameSiteRaw = parsed.sameSite?.trim().toLowerCase();
  const sameSite =
    sameSiteRaw === undefined
      ? undefined
      : sameSiteRaw === "strict" || sameSiteRaw === "lax" || sameSiteRaw === "none"
        ? sameSiteRaw
        : "invalid";
  return {
    exchange,
    url: url.href,
    host: url.host,
    https: url.protocol === "https:",
    name: parsed.name,
    line: redactedLine(line, parsed.name, parsed.value),
    secure: parsed.secure === true,
    httpOnly: parsed.httpOnly === true,
    sameSite,
    domain,
    path: parsed.path,
    scope: domain ? `${domain} and every subdomain of it` : `${hostname} only`,
    session: sessionReason(parsed.name, parsed.value),
    deletion: isDeletion(parsed.maxAge, parsed.expires, date),
    rejected: domainRejection(hostname, domain),
  };
}

/** Why a cookie looks like it authenticates someone, or undefined for preferences, analytics and CSRF tokens. */
export function sessionReason(name: string, value: string): string | undefined {
  if (READABLE_BY_DESIGN.test(name) || PLATFORM_COOKIES.test(name)) return undefined;
  for (const [pattern, label] of SESSION_NAMES) if (pattern.test(name)) return label;
  if (JWT_VALUE.test(value)) return "a cookie whose value is a JWT (a bearer token)";
  return undefined;
}

function isDeletion(
  maxAge: number | undefined,
  expires: Date | undefined,
  date: string | undefined,
): boolean {
  if (maxAge !== undefined) return maxAge <= 0;
  if (!expires) return false;
  // Compared with the response's own Date header: a check has no clock of its own.
  const now = date ? Date.parse(date) : Number.NaN;
  if (!Number.isNaN(now)) return expires.getTime() <= now;
  return expires.getTime() <= Date.UTC(2000, 0, 1);
}

/** RFC 6265 §5.3: a Domain that does not cover the host, or is a public suffix, makes the browser drop the cookie. */
function domainRejection(hostname: string, domain: string | undefined): string | undefined {
  if (domain === undefined || domain === hostname) return undefined;
  if (!hostname.endsWith(`.${domain}`)) return `Domain=${domain} does not cover ${hostname}`;
  if (getPublicSuffix(domain, { allowPrivateDomains: true }) === domain)
    return `Domain=${domain} is a public suffix`;
  return undefined;
}

function redactedLine(line: string, name: string, value: string): string {
  const semicolon = line.indexOf(";");
  const attributes = semicolon === -1 ? "" : line.slice(semicolon);
  const shown = `${name}=${value.length === 0 ? "" : `[redacted, ${value.length} chars]`}${attributes}`;
  return shown.length > MAX_LINE ? `${shown.slice(0, MAX_LINE)}…` : shown;
}
