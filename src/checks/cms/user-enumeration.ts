import { type Check, evidenceFrom, type Evidence, type Exchange } from "../../core/index.ts";
import { CmsResponses } from "../../artifacts/index.ts";
import { authorName, type ListedUser, MAX_USERS_LISTED, restUsers } from "./signatures.ts";

export const cmsUserEnumeration: Check = {
  meta: {
    id: "cms.user-enumeration",
    title: "WordPress lists its users' login names to anyone",
    cvss: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N",
    cwe: "CWE-200",
    references: [
      {
        title: "WordPress REST API Handbook: Users",
        url: "https://developer.wordpress.org/rest-api/reference/users/",
      },
      {
        title: "OWASP WSTG: Testing for Account Enumeration and Guessable User Account",
        url: "https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/03-Identity_Management_Testing/04-Testing_for_Account_Enumeration_and_Guessable_User_Account",
      },
      {
        title: "CWE-200: Exposure of Sensitive Information to an Unauthorized Actor",
        url: "https://cwe.mitre.org/data/definitions/200.html",
      },
    ],
    explanation:
      "Anyone can read the login names of your WordPress users: the REST API's `/wp-json/wp/v2/users` lists every author by default, and `/?author=1` redirects to `/author/NAME/`. " +
      "The `slug` shown there is usually the login name itself, so an attacker who wants into `/wp-login.php` or `xmlrpc.php` only has to guess passwords, and the administrator (user 1) is the first name they try. " +
      "Close the user list to visitors who are not logged in, stop the author redirect, and give authors a display name that differs from their login.",
    fixes: {
      nginx: [
        "Refuse the user list and the author-number redirect to everyone (logged-in editors use the admin, which is not affected):",
        "```nginx",
        "location ~ ^/wp-json/wp/v2/users { return 404; }",
        'if ($args ~* "(^|&)rest_route=/wp/v2/users") { return 404; }',
        'if ($args ~* "(^|&)author=\\d") { return 404; }',
        "```",
        "Or in WordPress itself (a small plugin or the theme's functions.php): remove the users endpoints for visitors with the `rest_endpoints` filter, e.g. `if (!is_user_logged_in()) { unset($endpoints['/wp/v2/users'], $endpoints['/wp/v2/users/(?P<id>[\\d]+)']); }`. Security plugins (Wordfence, iThemes/Solid Security) have a setting for both.",
      ].join("\n"),
      apache: [
        "```apache",
        "RewriteEngine On",
        "RewriteCond %{QUERY_STRING} (^|&)author=\\d [NC]",
        "RewriteRule ^ - [R=404,L]",
        "RewriteRule ^wp-json/wp/v2/users - [R=404,L]",
        "RewriteCond %{QUERY_STRING} rest_route=/wp/v2/users [NC]",
        "RewriteRule ^ - [R=404,L]",
        "```",
      ].join("\n"),
      express: [
        "WordPress behind an Express proxy: refuse the two forms before proxying:",
        "```js",
        "app.use((req, res, next) => {",
        "  const q = req.query;",
        "  if (req.path.startsWith('/wp-json/wp/v2/users') || String(q.rest_route ?? '').startsWith('/wp/v2/users') || q.author !== undefined)",
        "    return res.sendStatus(404);",
        "  next();",
        "});",
        "```",
      ].join("\n"),
      nextjs: [
        "A headless WordPress behind Next.js is still public on its own host: close the endpoint there (see nginx). If Next.js proxies it, refuse the path in `middleware.ts`:",
        "```ts",
        "if (req.nextUrl.pathname.startsWith('/wp-json/wp/v2/users') || req.nextUrl.searchParams.has('author'))",
        "  return new NextResponse(null, { status: 404 });",
        "```",
      ].join("\n"),
      fastapi: [
        "WordPress behind a FastAPI proxy: refuse the two forms in a middleware:",
        "```python",
        "@app.middleware('http')",
        "async def hide_wp_users(request, call_next):",
        "    q = request.query_params",
        "    if request.url.path.startswith('/wp-json/wp/v2/users') or q.get('rest_route', '').startswith('/wp/v2/users') or 'author' in q:",
        "        return Response(status_code=404)",
        "    return await call_next(request)",
        "```",
      ].join("\n"),
    },
    learn: "cms#user-enumeration",
    needs: [{ kind: CmsResponses, request: "users" }],
  },
  analyse(artifacts) {
    const cms = artifacts.read(CmsResponses);
    if (!cms.page) return [];
    const users = new Map<string, ListedUser>();
    const evidence: Evidence[] = [];
    const sources: string[] = [];
    for (const [ask, label] of [
      ["wp-users", "/wp-json/wp/v2/users"],
      ["wp-users-route", "/?rest_route=/wp/v2/users"],
    ] as const) {
      const exchange = cms.answers[ask];
      const listed = restUsers(exchange);
      if (!exchange || listed.length === 0) continue;
      for (const user of listed) if (!users.has(user.slug)) users.set(user.slug, user);
      sources.push(label);
      evidence.push(
        evidenceFrom(exchange, `The REST API lists ${listed.length} user(s) to anyone at ${label}.`),
      );
    }
    const author = cms.answers["wp-author"];
    const name = authorName(author);
    if (author && name) {
      if (!users.has(name)) users.set(name, { slug: name });
      sources.push("/?author=1");
      evidence.push(authorEvidence(author, name));
    }
    if (users.size === 0) return [];
    const origin = new URL(cms.page.request.url).origin;
    const shown = [...users.values()].slice(0, MAX_USERS_LISTED);
    const names = shown.map((user) =>
      user.name && user.name !== user.slug ? `${user.slug} (${user.name})` : user.slug,
    );
    const more = users.size > shown.length ? ` and ${users.size - shown.length} more` : "";
    return [
      {
        url: origin,
        summary: `${origin} names its WordPress users to anyone (${sources.join(", ")}): ${names.join(", ")}${more}.`,
        evidence,
        details: {
          users: shown.map((user) => user.slug).join(", "),
          count: String(users.size),
          sources: sources.join(", "),
        },
      },
    ];
  },
};

function authorEvidence(exchange: Exchange, name: string): Evidence {
  const redirected = (exchange.response?.status ?? 0) >= 300;
  return evidenceFrom(
    exchange,
    redirected
      ? `/?author=1 redirects to the author page of "${name}".`
      : `/?author=1 shows the author archive of "${name}".`,
    redirected ? { headers: ["location"], excerpt: "" } : {},
  );
}
