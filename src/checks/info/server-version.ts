import { type Check, evidenceFrom, type Exchange, type FindingDraft, isSameSite } from "../../core/index.ts";
import { ScanExchanges } from "../../artifacts/index.ts";
import { versionHeaders, type VersionHeader } from "./version-headers.ts";
import { CVSS_INFORMATIONAL } from "../../core/index.ts";

const MAX_HEADERS_LISTED = 5;

export const serverVersion: Check = {
  meta: {
    id: "info.server-version",
    title: "Response headers name the server software and its exact version",
    cvss: CVSS_INFORMATIONAL,
    cwe: "CWE-497",
    references: [
      {
        title: "OWASP WSTG: Fingerprint Web Server",
        url: "https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/01-Information_Gathering/02-Fingerprint_Web_Server",
      },
      {
        title: "CWE-497: Exposure of Sensitive System Information to an Unauthorized Control Sphere",
        url: "https://cwe.mitre.org/data/definitions/497.html",
      },
      {
        title: "nginx: server_tokens",
        url: "https://nginx.org/en/docs/http/ngx_http_core_module.html#server_tokens",
      },
      {
        title: "OWASP HTTP Headers Cheat Sheet: Server and X-Powered-By",
        url: "https://cheatsheetseries.owasp.org/cheatsheets/HTTP_Headers_Cheat_Sheet.html",
      },
    ],
    explanation:
      "Your responses carry headers such as `Server: nginx/1.18.0` or `X-Powered-By: PHP/7.4.3` that state exactly which software and version run the site. " +
      "That is not a hole by itself, but it saves an attacker the guesswork: they can look the version up in vulnerability databases and aim straight at what is unpatched, and automated scanners use these banners to pick targets. " +
      "Hide the version (and ideally the header) and keep the software updated; a bare product name such as `Server: nginx` is not reported.",
    fixes: {
      express: [
        "Express adds `X-Powered-By: Express`; turn it off (Helmet does too). Remove version headers your own code or a proxy adds:",
        "```js",
        "app.disable('x-powered-by');",
        "```",
      ].join("\n"),
      nextjs: [
        "In `next.config.js`:",
        "```js",
        "module.exports = { poweredByHeader: false };",
        "```",
        "A version in `Server` comes from the proxy or host in front of Next.js: hide it there.",
      ].join("\n"),
      fastapi: [
        "uvicorn sends `Server: uvicorn` (no version); turn it off, and hide the version in the proxy in front:",
        "```sh",
        "uvicorn main:app --no-server-header",
        "```",
      ].join("\n"),
      nginx: [
        "```nginx",
        "http {",
        "    server_tokens off;              # Server: nginx, without the version",
        "    proxy_hide_header X-Powered-By; # drop the upstream's banner",
        "}",
        "```",
        "For PHP-FPM behind nginx also set `expose_php = Off` in `php.ini`.",
      ].join("\n"),
      apache:
        "In the main configuration: `ServerTokens Prod` and `ServerSignature Off`; in `php.ini`: `expose_php = Off`; add `Header unset X-Powered-By`.",
      laravel:
        "Set `expose_php = Off` in `php.ini` (removes `X-Powered-By: PHP/x.y`) and hide the web server's version (`server_tokens off;` in nginx).",
      django:
        "Django sends no version header; a `Server: gunicorn/x.y` or `WSGIServer/x.y Python/x.y` banner comes from the server in front (the development server should never face the internet).",
      cloudflare:
        "Add a Transform Rule (Modify Response Header) that removes `X-Powered-By` and `X-AspNet-Version`; Cloudflare already replaces `Server` with `cloudflare`.",
    },
    learn: "information-leaks#server-version",
    needs: [ScanExchanges],
  },
  analyse(artifacts) {
    // One finding per host (its http and https origins alike), listing each distinct versioned header once.
    const byHost = new Map<string, { exchange: Exchange; headers: Map<string, VersionHeader> }>();
    for (const exchange of artifacts.read(ScanExchanges).all) {
      if (!exchange.response) continue;
      const url = new URL(exchange.request.url);
      if (!isSameSite(artifacts.target, url)) continue;
      const found = versionHeaders(exchange.response.headers);
      if (found.length === 0) continue;
      let entry = byHost.get(url.hostname);
      if (!entry) {
        entry = { exchange, headers: new Map() };
        byHost.set(url.hostname, entry);
      }
      for (const header of found) {
        const key = `${header.label}: ${header.value}`;
        if (!entry.headers.has(key) && entry.headers.size < MAX_HEADERS_LISTED)
          entry.headers.set(key, header);
      }
    }
    return [...byHost.values()].map(({ exchange, headers }): FindingDraft => {
      const origin = new URL(exchange.request.url).origin;
      const listed = [...headers.keys()];
      const names = [...new Set([...headers.values()].map((header) => header.name))];
      return {
        url: origin,
        summary: `${origin} announces its software versions: ${listed.join("; ")}.`,
        evidence: [
          evidenceFrom(
            exchange,
            `The response names versions in ${[...new Set([...headers.values()].map((header) => header.label))].join(", ")}.`,
            {
              headers: names,
              excerpt: "",
            },
          ),
        ],
        details: Object.fromEntries([...headers.values()].map((header) => [header.name, header.value])),
      };
    });
  },
};
