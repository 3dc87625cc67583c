import { type Reference, type Stack } from "../../core/index.ts";

/** Shared by the cookie.* checks: one finding per cookie name and host, the Set-Cookie line with its value redacted. */

export const COOKIE_REFERENCES: readonly Reference[] = [
  {
    title: "MDN: Using HTTP cookies (security)",
    url: "https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/Cookies#security",
  },
  {
    title: "MDN: Set-Cookie",
    url: "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Set-Cookie",
  },
  {
    title: "OWASP Session Management Cheat Sheet: cookies",
    url: "https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html#cookies",
  },
];

/** The attributes every session cookie should carry, per stack; `lead` names the one this finding is about. */
export function cookieFixes(lead: string): Partial<Record<Stack, string>> {
  const fixes: Partial<Record<Stack, string>> = {
    express: [
      "```js",
      "app.set('trust proxy', 1); // behind a TLS-terminating proxy, or express-session will not send a Secure cookie",
      "app.use(session({",
      "  secret: process.env.SESSION_SECRET,",
      "  cookie: { secure: true, httpOnly: true, sameSite: 'lax' },",
      "}));",
      "// cookies you set yourself:",
      "res.cookie('token', value, { secure: true, httpOnly: true, sameSite: 'lax', path: '/' });",
      "```",
    ].join("\n"),
    nextjs: [
      "```ts",
      "import { cookies } from 'next/headers';",
      "(await cookies()).set('session', value, { secure: true, httpOnly: true, sameSite: 'lax', path: '/' });",
      "```",
      "NextAuth.js / Auth.js set these on their own session cookie when `NEXTAUTH_URL` / `AUTH_URL` is https; do not override `cookies` or `useSecureCookies`.",
    ].join("\n"),
    fastapi: [
      "```python",
      'response.set_cookie("session", value, secure=True, httponly=True, samesite="lax")',
      "# Starlette's session middleware:",
      'app.add_middleware(SessionMiddleware, secret_key=SECRET, https_only=True, same_site="lax")',
      "```",
    ].join("\n"),
    nginx: [
      "When the app behind nginx cannot be changed (nginx 1.19.3 or later):",
      "```nginx",
      "location / {",
      "    proxy_pass http://app;",
      "    proxy_cookie_flags ~ secure httponly samesite=lax;",
      "}",
      "```",
    ].join("\n"),
    django: [
      "```python",
      "# settings.py",
      "SESSION_COOKIE_SECURE = True",
      "SESSION_COOKIE_HTTPONLY = True  # the default",
      'SESSION_COOKIE_SAMESITE = "Lax"  # the default',
      "CSRF_COOKIE_SECURE = True",
      "```",
    ].join("\n"),
    laravel: [
      "In `config/session.php` (or `.env`): `'secure' => env('SESSION_SECURE_COOKIE', true)`, `'http_only' => true`, `'same_site' => 'lax'`.",
    ].join("\n"),
    rails: [
      "```ruby",
      "# config/environments/production.rb",
      "config.force_ssl = true # marks cookies Secure",
      "# config/initializers/session_store.rb",
      "Rails.application.config.session_store :cookie_store, key: '_app_session', secure: true, httponly: true, same_site: :lax",
      "```",
    ].join("\n"),
  };
  for (const stack of Object.keys(fixes) as Stack[]) fixes[stack] = `${lead}\n\n${fixes[stack] ?? ""}`;
  return fixes;
}
