import { type Check, bodyText, evidenceFrom, type FindingDraft } from "../../core/index.ts";
import { HtmlDocuments, DebugResponses } from "../../artifacts/index.ts";
import { PAGE_MARKERS, recogniseDebugEndpoint } from "./debug-signatures.ts";

const MAX_HTML_CHARS = 512 * 1024;

export const debugEndpoint: Check = {
  meta: {
    id: "info.debug-endpoint",
    title: "A debug or status endpoint is open to everyone",
    cvss: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N",
    cwe: "CWE-215",
    references: [
      {
        title: "CWE-215: Insertion of Sensitive Information Into Debugging Code",
        url: "https://cwe.mitre.org/data/definitions/215.html",
      },
      {
        title: "OWASP WSTG: Enumerate Infrastructure and Application Admin Interfaces",
        url: "https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/02-Configuration_and_Deployment_Management_Testing/05-Enumerate_Infrastructure_and_Application_Admin_Interfaces",
      },
      {
        title: "Spring Boot: Actuator endpoints and exposing them",
        url: "https://docs.spring.io/spring-boot/reference/actuator/endpoints.html",
      },
      {
        title: "NVD: CVE-2021-3129 (Laravel Ignition)",
        url: "https://nvd.nist.gov/vuln/detail/CVE-2021-3129",
      },
      { title: "Apache mod_status", url: "https://httpd.apache.org/docs/2.4/mod/mod_status.html" },
    ],
    explanation:
      "A page meant for developers or operators answers anyone on the internet: a `phpinfo()` page, Apache's `/server-status`, Spring Boot Actuator endpoints (`/actuator/env`, `/actuator/heapdump`), Laravel Ignition's debug routes, a development server (`next dev`, `vite`) or a debug toolbar. " +
      "These show configuration, environment variables (often API keys and database passwords), file paths, live requests of other users with their URLs and tokens, or whole memory dumps; some (Ignition, Actuator's shutdown and loggers) even let a visitor change or run things. " +
      "They are usually left over from debugging, or switched on by a default that was never meant for production. Remove them, or put them behind authentication on an internal network.",
    fixes: {
      express:
        "Do not mount debug or status routes in production (`if (process.env.NODE_ENV !== 'production') app.use('/debug', debugRouter)`), or protect them with authentication. Run the built app (`node`), never a dev server, on the public address.",
      nextjs:
        "Deploy the production build: `next build && next start` (or your platform's build), never `next dev`. Remove any `/api/debug`-style routes before deploying.",
      fastapi:
        "Start uvicorn without `--reload` and with `debug=False`; remove debug routes or guard them with a dependency that checks an admin token. Do not expose the docs of internal admin routers (`include_in_schema=False`).",
      nginx: [
        "Deny these paths at the edge (and remove the files: `phpinfo.php`, `info.php`):",
        "```nginx",
        "location ~ ^/(phpinfo|info)\\.php$ { return 404; }",
        "location /server-status { allow 127.0.0.1; deny all; }",
        "location /actuator { allow 10.0.0.0/8; deny all; }",
        "location /_ignition { return 404; }",
        "```",
      ].join("\n"),
      apache:
        'Restrict mod_status: `<Location "/server-status"> Require local </Location>` (or `Require ip` for your monitoring host); delete `phpinfo()` files.',
      laravel:
        "Set `APP_DEBUG=false` in production (Ignition's routes are then off) and update `facade/ignition` / `spatie/laravel-ignition`; install the Debugbar and Telescope as dev dependencies only.",
      django:
        "Set `DEBUG = False`; list `debug_toolbar` only in development settings and only with `INTERNAL_IPS` set.",
      vite: "Never expose `vite` or `vite dev` publicly: build (`vite build`) and serve `dist/` with a static host or `vite preview` behind a real server. Do not start the dev server with `--host` on a public machine.",
      vercel:
        "Vercel runs production builds; a dev server here means the domain points at another machine running `next dev`/`vite`. Remove debug API routes before deploying.",
      cloudflare:
        "Block the paths with a WAF custom rule (URI Path starts with `/actuator`, `/server-status`, `/_ignition`, equals `/phpinfo.php`) while you remove them at the origin.",
    },
    learn: "information-leaks#debug-endpoint",
    needs: [DebugResponses, HtmlDocuments],
  },
  analyse(artifacts) {
    const drafts: FindingDraft[] = [];
    const recognised = artifacts.read(DebugResponses).flatMap(({ exchange, response, kind }) => {
      const recognition = recogniseDebugEndpoint(kind, response);
      return recognition ? [{ exchange, kind, recognition }] : [];
    });
    // The actuator index and its /env are one exposure: one finding, at the index's severity.
    const actuatorCvss = recognised.find(({ kind }) => kind === "actuator")?.recognition.cvss;
    for (const { exchange, kind, recognition } of recognised) {
      const url = exchange.request.url;
      const isActuator = kind.startsWith("actuator");
      const cvss = isActuator ? actuatorCvss : recognition.cvss;
      drafts.push({
        url,
        ...(isActuator ? { groupKey: `${new URL(url).origin}/actuator` } : {}),
        ...(cvss ? { cvss } : {}),
        summary: `${url} exposes ${recognition.what}.`,
        evidence: [
          evidenceFrom(exchange, `${url} answered 200 with ${recognition.what}.`, {
            headers: ["content-type", "server"],
            around: recognition.index,
          }),
        ],
        details: { endpoint: kind, ...recognition.details },
      });
    }
    for (const document of artifacts.read(HtmlDocuments)) {
      const html = bodyText(document.exchange.response).slice(0, MAX_HTML_CHARS);
      for (const marker of PAGE_MARKERS) {
        const match = marker.pattern.exec(html);
        if (!match) continue;
        drafts.push({
          url: document.url,
          // A development server shows on every page: one finding per origin and kind.
          groupKey: `${document.origin}|${marker.what}`,
          ...(marker.cvss ? { cvss: marker.cvss } : {}),
          summary: `${document.url} is served by ${marker.what}.`,
          evidence: [
            evidenceFrom(document.exchange, `The page's markup shows ${marker.what}.`, {
              headers: ["content-type", "server", "x-powered-by"],
              around: match.index,
            }),
          ],
          details: { endpoint: "page", kind: marker.what },
        });
      }
    }
    return drafts;
  },
};
