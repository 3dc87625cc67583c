import type { Check } from "../../core/index.ts";
import { ObservedCookies, prefixViolation } from "../../artifacts/index.ts";
import { COOKIE_REFERENCES, cookieFixes } from "./shared.ts";
import { cookieDraft } from "./cookie-draft.ts";

export const invalidPrefix: Check = {
  meta: {
    id: "cookie.invalid-prefix",
    title: "A __Host- or __Secure- cookie breaks its prefix rules (browsers reject it)",
    cvss: "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:N/I:L/A:N",
    cwe: "CWE-1275",
    references: [
      {
        title: "MDN: Cookie prefixes",
        url: "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Set-Cookie#cookie_prefixes",
      },
      ...COOKIE_REFERENCES,
    ],
    explanation:
      "Cookie names starting with `__Secure-` promise that the cookie is `Secure` and was set over https; `__Host-` additionally promises `Path=/` and no `Domain`, " +
      "so no subdomain can set or overwrite it. Browsers enforce the promise by refusing any such cookie that breaks it, so this cookie is never stored: the " +
      "feature that depends on it does not work, and the protection the name advertises is not there. Browsers match the prefix regardless of letter case.",
    fixes: cookieFixes(
      "Give the cookie the attributes its prefix requires (`__Secure-`: `Secure`, set over https; `__Host-`: also `Path=/` and no `Domain`), or rename it.",
    ),
    learn: "cookies#invalid-prefix",
    needs: [ObservedCookies],
  },
  analyse(artifacts) {
    return artifacts.read(ObservedCookies).flatMap((cookie) => {
      const violation = cookie.deletion ? undefined : prefixViolation(cookie);
      if (!violation) return [];
      return [
        cookieDraft(
          cookie,
          `${cookie.name} is set on ${cookie.url}, but ${violation}; browsers refuse to store it.`,
          `The Set-Cookie for ${cookie.name} breaks its prefix rules.`,
          { violation },
        ),
      ];
    });
  },
};
