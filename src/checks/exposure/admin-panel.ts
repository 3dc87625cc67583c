import { type Check, evidenceFrom } from "../../core/index.ts";
import { originOf, pathOf } from "./exposed-files.ts";
import { isOpen, TOOL_NEEDS, toolSightings } from "./tool-sightings.ts";

export const adminPanel: Check = {
  meta: {
    id: "exposure.admin-panel",
    title: "The login page of an admin or database tool is public",
    cvss: "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N",
    cwe: "CWE-200",
    references: [
      {
        title: "OWASP WSTG: Enumerate infrastructure and application admin interfaces",
        url: "https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/02-Configuration_and_Deployment_Management_Testing/05-Enumerate_Infrastructure_and_Application_Admin_Interfaces",
      },
      {
        title: "OWASP Authentication Cheat Sheet",
        url: "https://cheatsheetseries.owasp.org/cheatsheets/Authentication_Cheat_Sheet.html",
      },
    ],
    explanation:
      "The login page of an admin or database tool (phpMyAdmin, Adminer, pgAdmin, Grafana, Kibana, Jenkins, Portainer, RabbitMQ, a PIN-protected debugger) is reachable by anyone. It asks for a password, so this is not a break-in by itself, " +
      "but it tells attackers which tool and version you run, invites password guessing, and is one unpatched flaw away from being open. Tools like these belong on a private network.",
    fixes: {
      nginx: [
        "Allow only your own network (or a VPN) to reach the tool:",
        "```nginx",
        "location /phpmyadmin/ {",
        "    allow 203.0.113.0/24;  # your office or VPN",
        "    deny all;",
        "}",
        "```",
      ].join("\n"),
      express:
        "Do not proxy admin tools through the public app; run them on a private network, or put your own authentication in front (SSO, an identity-aware proxy).",
      nextjs:
        "Do not expose internal tools through rewrites or the public domain; put them on a private network or behind SSO (Cloudflare Access, an identity-aware proxy).",
      fastapi:
        "Bind the tool to `127.0.0.1` (or a private network) and reach it through an SSH tunnel or a VPN; never mount it on the public app.",
      cloudflare:
        "Put the tool's hostname behind Cloudflare Access so only your team's identities reach the login page.",
    },
    learn: "exposed-files#admin-panel",
    needs: TOOL_NEEDS,
  },
  analyse(artifacts) {
    // A tool that works without login is exposure.unauthenticated-console instead, never both.
    return toolSightings(artifacts)
      .filter((sighting) => !isOpen(sighting) && sighting.page.tool !== "Rails web console")
      .map((sighting) => ({
        url: sighting.exchange.request.url,
        groupKey: `${originOf(sighting.exchange)}|${sighting.page.tool}`,
        summary:
          sighting.page.tool === "Werkzeug debugger console"
            ? `The Werkzeug debugger console is served at ${pathOf(sighting.exchange)}, locked by its PIN: the app runs with debug=True.`
            : `${sighting.page.tool} is reachable at ${pathOf(sighting.exchange)}${sighting.page.state === "login" ? " and asks for a login" : ""}.`,
        evidence: [
          evidenceFrom(sighting.exchange, `The page is ${sighting.page.tool} (${sighting.page.marker}).`, {
            headers: ["content-type", "server", "x-jenkins"],
          }),
        ],
        details: { tool: sighting.page.tool, path: pathOf(sighting.exchange) },
      }));
  },
};
