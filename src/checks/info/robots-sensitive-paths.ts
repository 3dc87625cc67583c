import { bodyText, type Check, CVSS_INFORMATIONAL, evidenceFrom, mimeType } from "../../core/index.ts";
import { WELL_KNOWN_PATHS, WellKnownFiles } from "../../artifacts/index.ts";
import { disallowRules } from "./robots-rules.ts";
import { sensitiveKind } from "./sensitive-paths.ts";

const LOOKS_LIKE_HTML = /^\s*(<!doctype html|<html|<head|<body|<!--|<meta|<script)/i;
const MAX_PATHS_LISTED = 10;
const MAX_PATH_CHARS = 100;

export const robotsSensitivePaths: Check = {
  meta: {
    id: "info.robots-sensitive-paths",
    title: "robots.txt points at admin, backup or staging paths",
    cvss: CVSS_INFORMATIONAL,
    cwe: "CWE-200",
    references: [
      { title: "RFC 9309: Robots Exclusion Protocol", url: "https://www.rfc-editor.org/rfc/rfc9309" },
      {
        title: "OWASP WSTG: Review Webserver Metafiles for Information Leakage",
        url: "https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/01-Information_Gathering/03-Review_Webserver_Metafiles_for_Information_Leakage",
      },
      {
        title: "Google Search Central: robots.txt is not a mechanism for keeping a page out of Google",
        url: "https://developers.google.com/search/docs/crawling-indexing/robots/intro",
      },
    ],
    explanation:
      "Your `robots.txt` asks search engines to stay away from paths such as `/admin`, `/backup` or `/staging`. " +
      "Search engines may obey, but anyone can read the file: it is the first thing attackers and their scanners fetch, and it hands them a list of the places you would rather they did not look. " +
      "robots.txt hides nothing and protects nothing. What matters is that those paths are protected by a login (or not deployed at all); then take them out of robots.txt, and use `noindex` headers for pages that must not appear in search results.",
    fixes: {
      express: [
        "Protect the area itself, then drop it from robots.txt; keep pages out of search results with a header instead:",
        "```js",
        "app.use('/admin', requireAdmin, (req, res, next) => {",
        "  res.set('X-Robots-Tag', 'noindex, nofollow');",
        "  next();",
        "});",
        "```",
      ].join("\n"),
      nextjs:
        "Edit `app/robots.ts` (or `public/robots.txt`) to list only what crawlers need to know; protect admin routes in middleware or the route itself, and set `export const metadata = { robots: { index: false } }` on pages that must stay out of search results.",
      fastapi:
        "Serve a robots.txt without the internal paths; protect those routes with a dependency that checks the user (`Depends(require_admin)`), and add an `X-Robots-Tag: noindex` header to their responses.",
      nginx: [
        "Keep internal paths out of robots.txt and off the public site:",
        "```nginx",
        "location /admin/ {",
        "    allow 10.0.0.0/8;   # your office or VPN",
        "    deny all;",
        '    add_header X-Robots-Tag "noindex, nofollow" always;',
        "}",
        "```",
      ].join("\n"),
      apache:
        'Protect the directory (`Require ip` or authentication in its `<Location>`), add `Header set X-Robots-Tag "noindex"`, and remove it from robots.txt. (WordPress\'s own `Disallow: /wp-admin/` is not reported.)',
    },
    learn: "information-leaks#robots-sensitive-paths",
    needs: [{ kind: WellKnownFiles, request: "robots" }],
  },
  analyse(artifacts) {
    const exchange = artifacts.read(WellKnownFiles).robots;
    const response = exchange?.response;
    if (!exchange || response?.status !== 200) return [];
    const text = bodyText(response);
    // A single-page app answers its index.html here; that is no robots.txt.
    if (mimeType(response.headers) === "text/html" || LOOKS_LIKE_HTML.test(text)) return [];
    const named = new Map<string, { line: number; kind: string }>();
    for (const rule of disallowRules(text)) {
      const kind = sensitiveKind(rule.path);
      if (kind && !named.has(rule.path)) named.set(rule.path, { line: rule.line, kind: kind.name });
    }
    if (named.size === 0) return [];
    const listed = [...named].slice(0, MAX_PATHS_LISTED);
    const shown = (path: string) =>
      path.length > MAX_PATH_CHARS ? `${path.slice(0, MAX_PATH_CHARS)}…` : path;
    const url = `${new URL(exchange.request.url).origin}${WELL_KNOWN_PATHS.robots}`;
    const kinds = [...new Set(listed.map(([, { kind }]) => kind))];
    return [
      {
        url,
        summary: `${url} names ${named.size === 1 ? "a path" : `${named.size} paths`} worth an attacker's visit (${kinds.join(", ")}): ${listed.map(([path]) => shown(path)).join(", ")}${named.size > listed.length ? ", …" : ""}.`,
        evidence: [
          evidenceFrom(exchange, `robots.txt disallows ${kinds.join(", ")} paths.`, {
            headers: ["content-type"],
            excerpt: listed.map(([path, { line }]) => `line ${line}: Disallow: ${shown(path)}`).join("\n"),
          }),
        ],
        details: Object.fromEntries(listed.map(([path, { kind }]) => [shown(path), kind])),
      },
    ];
  },
};
