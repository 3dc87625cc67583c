import { type Check, CVSS_INFORMATIONAL, type Stack } from "../../core/index.ts";
import { LiveCookies, type ObservedCookie } from "../../artifacts/index.ts";
import { COOKIE_REFERENCES } from "./shared.ts";
import { cookieDraft } from "./cookie-draft.ts";

/**
 * A session cookie the parent domain shares with every subdomain: one forgotten staging host, a user-content
 * subdomain or a taken-over DNS name then receives (and can overwrite) the session.
 */
const CVSS_SHARED_WITH_SUBDOMAINS = "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N";

export const broadDomain: Check = {
  meta: {
    id: "cookie.broad-domain",
    title: "The session cookie is shared with every subdomain (Domain attribute)",
    cvss: CVSS_SHARED_WITH_SUBDOMAINS,
    cwe: "CWE-668",
    references: [
      {
        title: "RFC 6265 §4.1.2.3: The Domain attribute",
        url: "https://www.rfc-editor.org/rfc/rfc6265#section-4.1.2.3",
      },
      {
        title: "MDN: Set-Cookie, Domain",
        url: "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Set-Cookie#domaindomain-value",
      },
      ...COOKIE_REFERENCES,
    ],
    explanation:
      "A cookie set without `Domain` goes back only to the host that set it. Setting `Domain=example.com` sends it to example.com and to every host under it: " +
      "staging servers, a blog on a hosted platform, a subdomain whose DNS points at a service you no longer use (which someone else can claim). " +
      "Whoever controls any one of those receives your users' session cookie with each visit, and can also overwrite it. " +
      "Leave `Domain` out of session cookies unless subdomains really must share the login, and then keep every subdomain as trusted as the main site. " +
      "A `Domain` equal to the host itself still reaches that host's own subdomains; that case is reported as informational.",
    fixes: fixes(),
    learn: "cookies#broad-domain",
    needs: [LiveCookies],
  },
  analyse(artifacts) {
    return artifacts
      .read(LiveCookies)
      .filter((cookie) => cookie.session !== undefined && cookie.domain !== undefined)
      .map((cookie) => {
        const domain = cookie.domain!;
        const ownHost = domain === hostnameOf(cookie);
        return cookieDraft(
          cookie,
          ownHost
            ? `${cookie.name}, ${cookie.session}, sets Domain=${domain}: besides ${domain}, every subdomain of it receives the cookie.`
            : `${cookie.name}, ${cookie.session}, is set by ${hostnameOf(cookie)} with Domain=${domain}, so ${domain} and every subdomain of it receive the session.`,
          `The Set-Cookie for ${cookie.name} carries Domain=${domain}.`,
          { domain },
          ownHost ? CVSS_INFORMATIONAL : undefined,
        );
      });
  },
};

function hostnameOf(cookie: ObservedCookie): string {
  return new URL(cookie.url).hostname.replace(/^\[|\]$/g, "").toLowerCase();
}

function fixes(): Partial<Record<Stack, string>> {
  const lead = "Drop the `Domain` option from the session cookie, so only the host that set it receives it.";
  return {
    express: [
      lead,
      "```js",
      "app.use(session({",
      "  secret: process.env.SESSION_SECRET,",
      "  // no `domain` here: the cookie stays on this host",
      "  cookie: { secure: true, httpOnly: true, sameSite: 'lax' },",
      "}));",
      "```",
      "Better still, name it `__Host-sid` (`name: '__Host-sid'`): browsers then refuse it if anything adds a Domain.",
    ].join("\n"),
    nextjs: [
      lead,
      "```ts",
      "(await cookies()).set('session', value, { secure: true, httpOnly: true, sameSite: 'lax', path: '/' }); // no domain",
      "```",
      "With Auth.js / NextAuth.js, remove any `domain` from the `cookies.sessionToken.options` override.",
    ].join("\n"),
    fastapi: [
      lead,
      "```python",
      'response.set_cookie("session", value, secure=True, httponly=True, samesite="lax")  # no domain=',
      "```",
    ].join("\n"),
    nginx: [
      lead,
      "If the app behind nginx adds it and cannot be changed, rewrite it to the host (nginx 1.1.15 or later):",
      "```nginx",
      "proxy_cookie_domain ~.* $host;",
      "```",
      "This still reaches subdomains of the host itself; fixing the app is better.",
    ].join("\n"),
    django: `${lead}\n\n\`\`\`python\nSESSION_COOKIE_DOMAIN = None  # the default\n\`\`\``,
    rails: `${lead}\n\nRemove \`domain: :all\` (or \`domain: '.example.com'\`) from \`session_store\`.`,
    laravel: `${lead}\n\nSet \`SESSION_DOMAIN=null\` in \`.env\` (\`config/session.php\` → \`'domain'\`).`,
  };
}
