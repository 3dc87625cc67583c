import { type Check, evidenceFrom, type Exchange } from "../../core/index.ts";
import { CmsResponses } from "../../artifacts/index.ts";
import { type InstallerStep, installerStep } from "./signatures.ts";

const STEP_WORDS: Readonly<Record<InstallerStep, string>> = {
  language: "the installer's first step (choose a language)",
  "install-form": "the install form (site title, administrator name and password)",
  "database-setup": "the setup form that asks for database credentials (no wp-config.php yet)",
};

export const cmsInstallOpen: Check = {
  meta: {
    id: "cms.install-open",
    title: "The WordPress installer is open: anyone can take the site over",
    cvss: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
    cwe: "CWE-306",
    references: [
      {
        title: "WordPress: How to install WordPress",
        url: "https://developer.wordpress.org/advanced-administration/before-install/howto-install/",
      },
      {
        title: "CWE-306: Missing Authentication for Critical Function",
        url: "https://cwe.mitre.org/data/definitions/306.html",
      },
      {
        title: "OWASP Top 10 A05:2021 Security Misconfiguration",
        url: "https://owasp.org/Top10/A05_2021-Security_Misconfiguration/",
      },
    ],
    explanation:
      "Your WordPress is uploaded but not installed, and its installer answers anyone. " +
      "Whoever reaches it first picks the administrator account (or, with no `wp-config.php` yet, points the site at a database they control), then uploads a plugin, which is PHP code: they run code on your server. " +
      "Bots look for fresh installs within minutes of a domain going live. Finish the installation now, or take the files offline until you do.",
    fixes: {
      nginx: [
        "Finish the installation right away (it closes the installer for good). Until then, let only your own address reach the site:",
        "```nginx",
        "location ~ ^/wp-admin/(install|setup-config)\\.php$ {",
        "    allow 203.0.113.7;  # your address",
        "    deny all;",
        "    include fastcgi_params;",
        "    fastcgi_param SCRIPT_FILENAME $document_root$fastcgi_script_name;",
        "    fastcgi_pass unix:/run/php/php-fpm.sock;",
        "}",
        "```",
      ].join("\n"),
      apache: [
        "Finish the installation; until then:",
        "```apache",
        '<FilesMatch "^(install|setup-config)\\.php$">',
        "    Require ip 203.0.113.7",
        "</FilesMatch>",
        "```",
      ].join("\n"),
      express: [
        "WordPress behind an Express proxy: finish the installation; until then refuse the installer to everyone but you:",
        "```js",
        "app.use(/^\\/wp-admin\\/(install|setup-config)\\.php/, (req, res, next) =>",
        "  req.ip === '203.0.113.7' ? next() : res.sendStatus(403));",
        "```",
      ].join("\n"),
      nextjs:
        "A headless WordPress is installed on its own host: finish the installation there now, and keep that host private (an IP allowlist) until it is done.",
      fastapi: [
        "WordPress behind a FastAPI proxy: finish the installation; until then refuse the installer:",
        "```python",
        "@app.middleware('http')",
        "async def close_installer(request, call_next):",
        "    if request.url.path.startswith('/wp-admin/') and request.url.path.endswith(('install.php', 'setup-config.php')):",
        "        return Response(status_code=403)",
        "    return await call_next(request)",
        "```",
      ].join("\n"),
    },
    learn: "cms#install-open",
    needs: [{ kind: CmsResponses, request: "install" }],
  },
  analyse(artifacts) {
    const cms = artifacts.read(CmsResponses);
    // The page itself is the installer when every page of a fresh install redirects there.
    const candidates: Exchange[] = [cms.answers["wp-install"], cms.page].filter(
      (exchange): exchange is Exchange => exchange !== undefined,
    );
    for (const exchange of candidates) {
      const step = installerStep(exchange);
      if (!step) continue;
      const url = exchange.request.url;
      return [
        {
          url,
          summary: `${url} shows ${STEP_WORDS[step]} to anyone: whoever completes it owns the site.`,
          evidence: [evidenceFrom(exchange, `WordPress's installer answers with ${STEP_WORDS[step]}.`)],
          details: { step },
        },
      ];
    }
    return [];
  },
};
