import { type Check, CVSS_INFORMATIONAL } from "../../core/index.ts";
import { LiveCookies } from "../../artifacts/index.ts";
import { COOKIE_REFERENCES, cookieFixes } from "./shared.ts";
import { cookieDraft } from "./cookie-draft.ts";

/**
 * @supabase/ssr keeps the session (and the PKCE code verifier of a sign-in in progress) where supabase-js in
 * the browser must read it: not HttpOnly by design.
 */
const READ_BY_CLIENT_LIBRARY = /^sb-[a-z0-9-]+-auth-token(-code-verifier)?(\.\d+)?$/i;

export const missingHttponly: Check = {
  meta: {
    id: "cookie.missing-httponly",
    title: "Scripts can read the session cookie (no HttpOnly flag)",
    cvss: "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:L/A:N",
    cwe: "CWE-1004",
    references: COOKIE_REFERENCES,
    explanation:
      "A session or auth cookie without `HttpOnly` can be read by any JavaScript on the page (`document.cookie`). If an attacker ever gets a script onto the page " +
      "(cross-site scripting, a compromised npm package or analytics tag), they copy the session and keep using it from their own machine, even after the visitor " +
      "leaves. With HttpOnly the browser still sends the cookie, but scripts cannot see it. Preference cookies (theme, language) and CSRF tokens that your " +
      "front end must read are not reported. Supabase's `sb-...-auth-token` is readable on purpose (supabase-js reads it); it is reported as informational.",
    fixes: cookieFixes(
      "Add the `HttpOnly` attribute to session and auth cookies. If your front end reads the token from the cookie, move that logic to the server (or to an API that uses the cookie).",
    ),
    learn: "cookies#missing-httponly",
    needs: [LiveCookies],
  },
  analyse(artifacts) {
    return artifacts
      .read(LiveCookies)
      .filter((cookie) => cookie.session !== undefined && !cookie.httpOnly)
      .map((cookie) => {
        const byDesign = READ_BY_CLIENT_LIBRARY.test(cookie.name);
        return cookieDraft(
          cookie,
          byDesign
            ? `${cookie.name}, ${cookie.session}, is readable by scripts: @supabase/ssr does this on purpose, so a strict CSP is what protects it.`
            : `${cookie.name}, ${cookie.session}, is set without HttpOnly on ${cookie.url}, so page scripts can read it.`,
          `The Set-Cookie for ${cookie.name} has no HttpOnly attribute.`,
          {},
          byDesign ? CVSS_INFORMATIONAL : undefined,
        );
      });
  },
};
