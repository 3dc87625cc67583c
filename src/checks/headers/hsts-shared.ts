import type { Reference, Stack } from "../../core/index.ts";
import { setHeaderFixes } from "./shared.ts";

/** SSL stripping needs a network position (public Wi-Fi, a hostile router) and a first visit over http. */
export const CVSS_HSTS_MISSING = "CVSS:3.1/AV:A/AC:H/PR:N/UI:R/S:U/C:L/I:L/A:N";
export const CVSS_HSTS_SHORT = "CVSS:3.1/AV:A/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N";
export const HSTS_CWE = "CWE-319";

export const HSTS_REFERENCES: readonly Reference[] = [
  {
    title: "MDN: Strict-Transport-Security",
    url: "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Strict-Transport-Security",
  },
  {
    title: "OWASP HTTP Strict Transport Security Cheat Sheet",
    url: "https://cheatsheetseries.owasp.org/cheatsheets/HTTP_Strict_Transport_Security_Cheat_Sheet.html",
  },
  { title: "RFC 6797: HTTP Strict Transport Security", url: "https://www.rfc-editor.org/rfc/rfc6797" },
  { title: "HSTS preload list", url: "https://hstspreload.org/" },
];

export const HSTS_VALUE = "max-age=63072000; includeSubDomains";

export function hstsFixes(lead: string): Partial<Record<Stack, string>> {
  return setHeaderFixes({
    header: "Strict-Transport-Security",
    value: HSTS_VALUE,
    express: [
      "helmet sends `Strict-Transport-Security: max-age=31536000; includeSubDomains` by default; if you configured it, give it at least 180 days:",
      "```js",
      "app.use(helmet({ strictTransportSecurity: { maxAge: 63072000, includeSubDomains: true } }));",
      "```",
      "Behind a proxy that terminates TLS, also `app.set('trust proxy', 1)`.",
    ].join("\n"),
    lead: {
      express: lead,
      nextjs: lead,
      fastapi: lead,
      nginx: lead,
      vercel: `${lead} (Vercel already sends \`max-age=63072000\` on its domains; check that nothing overrides it.)`,
      netlify: lead,
    },
  });
}
