import type { Check } from "../../core/index.ts";
import { LiveCookies } from "../../artifacts/index.ts";
import { COOKIE_REFERENCES, cookieFixes } from "./shared.ts";
import { cookieDraft } from "./cookie-draft.ts";

export const missingSamesite: Check = {
  meta: {
    id: "cookie.missing-samesite",
    title: "The session cookie has no SameSite attribute",
    cvss: "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:N/I:L/A:N",
    cwe: "CWE-1275",
    references: [
      {
        title: "MDN: Set-Cookie SameSite",
        url: "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Set-Cookie#samesitesamesite-value",
      },
      ...COOKIE_REFERENCES,
    ],
    explanation:
      "A session cookie without `SameSite` leaves the choice to the browser. Chrome treats it as `Lax`, but Firefox and Safari send it on cross-site requests, " +
      "so another website can submit a form to yours with the visitor's session attached (cross-site request forgery) unless every state-changing endpoint " +
      "checks a CSRF token. `SameSite=Lax` stops that for POSTs from other sites and keeps normal links working. A value browsers do not know counts as missing.",
    fixes: cookieFixes("Add `SameSite=Lax` (or `Strict`) to session and auth cookies."),
    learn: "cookies#missing-samesite",
    needs: [LiveCookies],
  },
  analyse(artifacts) {
    return artifacts
      .read(LiveCookies)
      .filter(
        (cookie) =>
          cookie.session !== undefined && (cookie.sameSite === undefined || cookie.sameSite === "invalid"),
      )
      .map((cookie) =>
        cookieDraft(
          cookie,
          cookie.sameSite === "invalid"
            ? `${cookie.name}, ${cookie.session}, has a SameSite value browsers do not recognise, which counts as none.`
            : `${cookie.name}, ${cookie.session}, is set without SameSite on ${cookie.url}.`,
          `The Set-Cookie for ${cookie.name} has no valid SameSite attribute.`,
        ),
      );
  },
};
