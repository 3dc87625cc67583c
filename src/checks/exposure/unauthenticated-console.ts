import type { AdminTool } from "../../artifacts/index.ts";
import { type Check, evidenceFrom } from "../../core/index.ts";
import { originOf, pathOf } from "./exposed-files.ts";
import { isOpen, TOOL_NEEDS, toolSightings } from "./tool-sightings.ts";

/** What working without login gives away, per tool: code execution, a database, or dashboards to read. */
const CVSS_BY_TOOL: Partial<Record<AdminTool, string>> = {
  phpMyAdmin: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N",
  Kibana: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N",
  Grafana: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N",
  Jenkins: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N",
};

const WHAT_IT_GIVES: Partial<Record<AdminTool, string>> = {
  "Werkzeug debugger console": "runs any Python code on the server, with no PIN",
  "Rails web console": "runs any Ruby code on the server",
  Jupyter: "runs any code on the server through its kernels, with no token",
  phpMyAdmin: "reads and changes the database, already signed in",
  Kibana: "reads the Elasticsearch data behind it, with no login",
  Grafana: "shows its dashboards to anonymous visitors",
  Jenkins: "shows its jobs and build logs to anonymous visitors",
};

export const unauthenticatedConsole: Check = {
  meta: {
    id: "exposure.unauthenticated-console",
    title: "An admin, database or debug console works without logging in",
    cvss: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
    cwe: "CWE-306",
    references: [
      {
        title: "CWE-306: Missing Authentication for Critical Function",
        url: "https://cwe.mitre.org/data/definitions/306.html",
      },
      {
        title: "Werkzeug: Debugging Applications (never in production)",
        url: "https://werkzeug.palletsprojects.com/en/stable/debug/",
      },
      {
        title: "Jupyter Server: Security in the Jupyter Server",
        url: "https://jupyter-server.readthedocs.io/en/latest/operators/security.html",
      },
      {
        title: "OWASP WSTG: Enumerate infrastructure and application admin interfaces",
        url: "https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/02-Configuration_and_Deployment_Management_Testing/05-Enumerate_Infrastructure_and_Application_Admin_Interfaces",
      },
    ],
    explanation:
      "A tool that should only ever be used by you works for anyone who finds it, without a password: a debugger console (Flask/Werkzeug with `debug=True`, Rails' web console), a Jupyter server without a token, a database tool already signed in, or a dashboard open to anonymous visitors. " +
      "A console that runs code is a full takeover of the server; a database tool or a dashboard hands over the data. Bots look for these paths all the time.",
    fixes: {
      fastapi:
        "Never run a debugger or a notebook on a public address. For Flask: `app.run(debug=False)` and serve with gunicorn/uvicorn; for Jupyter: keep token/password auth on (`c.ServerApp.token`) and bind to `127.0.0.1`, reaching it through an SSH tunnel.",
      express:
        "Keep admin tools on a private network or behind your own authentication middleware; do not mount a REPL, a debugger or a database UI on the public app.",
      nextjs:
        "Do not expose internal tools through the app or a rewrite; put them on a private network, behind SSO or an identity-aware proxy.",
      nginx: [
        "Keep the tool off the public server, or restrict it to your network and require login:",
        "```nginx",
        "location /console { deny all; }",
        'location /phpmyadmin/ { allow 10.0.0.0/8; deny all; auth_basic "admin"; auth_basic_user_file /etc/nginx/.htpasswd; }',
        "```",
      ].join("\n"),
      django:
        "Set `DEBUG = False` in production settings and keep notebooks and admin tools on a private network.",
      rails:
        "Keep `web-console` in the `:development` group of the Gemfile only, and never run the development environment on a public server (`RAILS_ENV=production`).",
    },
    learn: "exposed-files#unauthenticated-console",
    needs: TOOL_NEEDS,
  },
  analyse(artifacts) {
    return toolSightings(artifacts)
      .filter(isOpen)
      .map((sighting) => {
        const shown = sighting.openApi ?? sighting.exchange;
        const gives = WHAT_IT_GIVES[sighting.page.tool] ?? "works without login";
        const cvss = CVSS_BY_TOOL[sighting.page.tool];
        return {
          url: sighting.exchange.request.url,
          groupKey: `${originOf(sighting.exchange)}|${sighting.page.tool}`,
          summary: `${sighting.page.tool} at ${pathOf(sighting.exchange)} ${gives}${sighting.openApi ? ` (${pathOf(sighting.openApi)} answered without login)` : ""}.`,
          evidence: [
            evidenceFrom(sighting.exchange, `The page is ${sighting.page.tool} (${sighting.page.marker}).`, {
              headers: ["content-type", "server", "x-jenkins"],
            }),
            ...(sighting.openApi
              ? [
                  evidenceFrom(sighting.openApi, "Its API answered a read-only request without any login.", {
                    headers: ["content-type"],
                  }),
                ]
              : []),
          ],
          ...(cvss ? { cvss } : {}),
          details: { tool: sighting.page.tool, path: pathOf(shown) },
        };
      });
  },
};
