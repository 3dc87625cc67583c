/**
 * Finds API endpoints named in JavaScript (bundles and inline scripts): arguments of fetch()/axios/ky
 * calls, string literals that look like API paths ("/api/...", "/graphql", "/v1/..."), and absolute
 * URLs. The caller decides which are in scope (same registrable domain). Regexes, not a JS parser, because
 * bundles are often malformed or huge and only string literals matter here; every match is bounded.
 */
const CALL =
  /\b(?:fetch|axios(?:\.(?:get|head|post|put|patch|delete|request))?|ky(?:\.(?:get|post))?|\$http\.(?:get|post)|request)\(\s*(["'`])([^"'`\s]{1,300}?)\1/g;
const API_LITERAL =
  /(["'`])((?:https?:\/\/[a-z0-9.-]{1,253}(?::\d{1,5})?)?\/(?:api|graphql|rest|v\d{1,2}|trpc|rpc)(?:[/?][^"'`\s]{0,200})?)\1/gi;
const ABSOLUTE_URL = /(["'`])(https?:\/\/[a-z0-9.-]{1,253}(?::\d{1,5})?(?:\/[^"'`\s]{0,200})?)\1/gi;
const MAX_MATCHES = 2000;

export interface EndpointMention {
  /** Absolute URL with any template placeholder cut off. */
  url: string;
  kind: "call" | "api-literal" | "absolute";
}

export function extractEndpoints(code: string, baseUrl: string): EndpointMention[] {
  const found = new Map<string, EndpointMention>();
  const add = (raw: string, kind: EndpointMention["kind"]) => {
    const cleaned = cleanLiteral(raw);
    if (!cleaned) return;
    let url: URL;
    try {
      url = new URL(cleaned, baseUrl);
    } catch {
      return;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") return;
    url.hash = "";
    if (!found.has(url.href)) found.set(url.href, { url: url.href, kind });
  };
  for (const [pattern, kind] of [
    [CALL, "call"],
    [API_LITERAL, "api-literal"],
    [ABSOLUTE_URL, "absolute"],
  ] as const) {
    pattern.lastIndex = 0;
    let count = 0;
    for (const match of code.matchAll(pattern)) {
      if (++count > MAX_MATCHES) break;
      add(match[2] ?? "", kind);
    }
  }
  return [...found.values()];
}

/** Cuts template placeholders ("/api/users/${id}" → "/api/users/") and refuses non-path strings. */
function cleanLiteral(raw: string): string | null {
  let value = raw;
  const placeholder = value.indexOf("${");
  if (placeholder >= 0) value = value.slice(0, placeholder);
  if (!value.startsWith("/") && !/^https?:\/\//i.test(value)) return null;
  if (value.startsWith("//")) return null;
  // Static assets are not endpoints.
  if (/\.(?:js|mjs|css|png|jpe?g|gif|svg|webp|ico|woff2?|ttf|map|json)(?:$|\?)/i.test(value)) return null;
  return value;
}
