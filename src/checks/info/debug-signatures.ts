import { bodyText, type RecordedResponse } from "../../core/index.ts";
import type { DebugKind } from "../../artifacts/index.ts";

/** What was recognised in a debug endpoint's answer, never from its status alone. */
export interface DebugRecognition {
  /** Plain name of the thing that is exposed. */
  what: string;
  /** Offset of the proof in the body, for the excerpt. */
  index: number;
  /** A CVSS vector when this instance is worse than the check's default. */
  cvss?: string;
  /** Extra facts for the finding (listed actuator endpoints, ...). */
  details?: Record<string, string>;
}

/** Heap dumps hold every secret in memory (keys, sessions, passwords). */
export const CVSS_SECRETS_IN_MEMORY = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N";
/** Ignition that can run commands is the precondition of CVE-2021-3129 (remote code execution). */
export const CVSS_IGNITION_COMMANDS = "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H";
/** Vite's dev server has had repeated arbitrary-file-read bugs (CVE-2025-30208, -31125, -32395). */
export const CVSS_DEV_SERVER_FILE_READ = "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N";

const MAX_JSON_CHARS = 512 * 1024;

/** Actuator endpoints that reveal configuration, memory, code paths or let one change the application. */
const SENSITIVE_ACTUATOR = new Set([
  "env",
  "configprops",
  "heapdump",
  "threaddump",
  "beans",
  "mappings",
  "loggers",
  "logfile",
  "httptrace",
  "httpexchanges",
  "jolokia",
  "shutdown",
  "sessions",
  "conditions",
  "scheduledtasks",
  "caches",
  "metrics",
  "auditevents",
  "flyway",
  "liquibase",
  "quartz",
  "startup",
  "integrationgraph",
  "gateway",
]);

type Recogniser = (text: string) => DebugRecognition | undefined;

/** One recogniser per probed endpoint kind; each needs a 200 and the endpoint's own content. */
export const DEBUG_RECOGNISERS: Readonly<Record<DebugKind, Recogniser>> = {
  phpinfo(text) {
    // "<title>phpinfo()</title>" before PHP 8, "<title>PHP 8.2.7 - phpinfo()</title>" since.
    const title = /<title>[^<]{0,40}phpinfo\(\)\s*<\/title>/i.exec(text);
    const version = /PHP Version\s*(?:<\/[^>]+>\s*<[^>]+>\s*)?\d+\.\d+/.exec(text);
    const proof =
      title ?? (version && /PHP License|Zend Engine|Loaded Configuration File/.test(text) ? version : null);
    return proof
      ? { what: "a phpinfo() page (PHP configuration, paths, environment variables)", index: proof.index }
      : undefined;
  },
  "server-status"(text) {
    const proof = /<h1>Apache Server Status for /i.exec(text) ?? /<title>Apache Status<\/title>/i.exec(text);
    return proof && /Server Version:|Current Time:/i.test(text)
      ? { what: "Apache's server-status page (live requests, client addresses, URLs)", index: proof.index }
      : undefined;
  },
  actuator(text) {
    const links = jsonObject(text)?._links;
    if (!links || typeof links !== "object" || Array.isArray(links)) return undefined;
    const names = Object.keys(links);
    if (!names.includes("self")) return undefined;
    const sensitive = names.filter((name) => SENSITIVE_ACTUATOR.has(name)).slice(0, 20);
    // An index that lists only health and info is Spring Boot's safe default.
    if (sensitive.length === 0) return undefined;
    return {
      what: `Spring Boot Actuator with sensitive endpoints (${sensitive.join(", ")})`,
      index: Math.max(0, text.indexOf(`"${sensitive[0]}"`)),
      ...(sensitive.includes("heapdump") ? { cvss: CVSS_SECRETS_IN_MEMORY } : {}),
      details: { actuatorEndpoints: sensitive.join(", ") },
    };
  },
  "actuator-env"(text) {
    // Read by pattern, not parsed: the body is often longer than the cap, and a cut JSON does not parse.
    if (!text.trimStart().startsWith("{") || !/"activeProfiles"\s*:\s*\[/.test(text)) return undefined;
    const proof = /"propertySources"\s*:\s*\[/.exec(text);
    return proof
      ? { what: "Spring Boot Actuator's /env (configuration properties and environment)", index: proof.index }
      : undefined;
  },
  ignition(text) {
    const body = jsonObject(text);
    if (!body || typeof body.can_execute_commands !== "boolean") return undefined;
    return {
      what: `Laravel Ignition's debug routes${body.can_execute_commands ? ", able to run commands" : ""}`,
      index: 0,
      ...(body.can_execute_commands ? { cvss: CVSS_IGNITION_COMMANDS } : {}),
    };
  },
};

/** Development servers and debug toolbars that show up in a page's own markup (no request needed). */
export const PAGE_MARKERS: ReadonlyArray<{ what: string; pattern: RegExp; cvss?: string }> = [
  {
    what: "a Next.js development server (next dev)",
    pattern:
      /"buildId"\s*:\s*"development"|\/_next\/static\/development\/|\/_next\/static\/chunks\/react-refresh\.js|(?:\[|%5B)turbopack(?:\]|%5D)_browser_dev_hmr-client|\/_next\/webpack-hmr/,
  },
  {
    what: "a Vite development server (vite dev)",
    pattern: /<script[^>]+src=["'][^"']*\/@vite\/client["']/,
    cvss: CVSS_DEV_SERVER_FILE_READ,
  },
  { what: "the Laravel Debugbar", pattern: /\/_debugbar\/assets\/|new PhpDebugBar\.DebugBar\(/ },
  { what: "the Django Debug Toolbar", pattern: /<div[^>]+id=["']djDebug["']/ },
  { what: "the Symfony web debug toolbar", pattern: /<div[^>]+id=["']sfwdt|\/_wdt\/[0-9a-f]{6}/ },
];

export function recogniseDebugEndpoint(
  kind: DebugKind,
  response: RecordedResponse,
): DebugRecognition | undefined {
  if (response.status !== 200) return undefined;
  return DEBUG_RECOGNISERS[kind](bodyText(response));
}

/** The body as a JSON object, or undefined (not JSON, not an object, or too large to bother). */
function jsonObject(text: string): Record<string, unknown> | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith("{") || trimmed.length > MAX_JSON_CHARS) return undefined;
  try {
    const value: unknown = JSON.parse(trimmed);
    return value && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
