import type { Check } from "../../core/index.ts";
import { LiveCookies } from "../../artifacts/index.ts";
import { COOKIE_REFERENCES, cookieFixes } from "./shared.ts";
import { cookieDraft } from "./cookie-draft.ts";

export const samesiteNoneInsecure: Check = {
  meta: {
    id: "cookie.samesite-none-insecure",
    title: "SameSite=None cookie without Secure (browsers reject it)",
    cvss: "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N",
    cwe: "CWE-614",
    references: [
      {
        title: "MDN: Set-Cookie SameSite=None requires Secure",
        url: "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Set-Cookie#none",
      },
      ...COOKIE_REFERENCES,
    ],
    explanation:
      "`SameSite=None` asks browsers to send the cookie on cross-site requests, which modern browsers only allow together with `Secure`. Without it, Chrome, Edge " +
      "and Firefox drop the cookie entirely (whatever relied on it, an embedded widget or a cross-site login, silently breaks), while older browsers keep it " +
      "and send it over plain http to any site that embeds yours.",
    fixes: cookieFixes(
      "Add `Secure` next to `SameSite=None` (or use `SameSite=Lax` if the cookie does not need to be sent cross-site).",
    ),
    learn: "cookies#samesite-none-insecure",
    needs: [LiveCookies],
  },
  analyse(artifacts) {
    return artifacts
      .read(LiveCookies)
      .filter((cookie) => cookie.sameSite === "none" && !cookie.secure)
      .map((cookie) =>
        cookieDraft(
          cookie,
          `${cookie.name} is set with SameSite=None but without Secure on ${cookie.url}; current browsers reject it.`,
          `The Set-Cookie for ${cookie.name} says SameSite=None without Secure.`,
        ),
      );
  },
};
