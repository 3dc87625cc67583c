import { type Check, CVSS_INFORMATIONAL } from "../../core/index.ts";
import { LiveCookies } from "../../artifacts/index.ts";
import { COOKIE_REFERENCES, cookieFixes } from "./shared.ts";
import { cookieDraft } from "./cookie-draft.ts";

export const missingSecure: Check = {
  meta: {
    id: "cookie.missing-secure",
    title: "A cookie can travel over plain http (no Secure flag)",
    cvss: "CVSS:3.1/AV:A/AC:H/PR:N/UI:R/S:U/C:H/I:L/A:N",
    cwe: "CWE-614",
    references: COOKIE_REFERENCES,
    explanation:
      "A cookie without the `Secure` attribute is also sent on plain `http://` requests to your domain. Anyone on the visitor's network (public Wi-Fi, a hostile " +
      "router) who gets the browser to make one such request, with a link or an image, reads the cookie; for a session cookie that means they are logged in as " +
      "the visitor. Session and auth cookies are reported whenever they lack Secure, including on a site served over plain http (where the fix is to move to https); " +
      "other cookies set over https are reported as informational.",
    fixes: cookieFixes("Add the `Secure` attribute (and serve the whole site over https)."),
    learn: "cookies#missing-secure",
    needs: [LiveCookies],
  },
  analyse(artifacts) {
    return artifacts
      .read(LiveCookies)
      .filter(
        (cookie) =>
          !cookie.secure &&
          // cookie.samesite-none-insecure reports these, with the same fix (browsers refuse them outright).
          cookie.sameSite !== "none" &&
          (cookie.https || cookie.session !== undefined),
      )
      .map((cookie) =>
        cookieDraft(
          cookie,
          cookie.session
            ? cookie.https
              ? `${cookie.name}, ${cookie.session}, is set without Secure on ${cookie.url}.`
              : `${cookie.name}, ${cookie.session}, is set over plain http on ${cookie.url}, so it travels unencrypted.`
            : `${cookie.name} is set over https without Secure on ${cookie.url}.`,
          `The Set-Cookie for ${cookie.name} has no Secure attribute.`,
          { https: cookie.https ? "yes" : "no" },
          cookie.session ? undefined : CVSS_INFORMATIONAL,
        ),
      );
  },
};
