import { type Check, headerValues } from "../../core/index.ts";
import { DocumentCsps, type DocumentCsp } from "../../artifacts/index.ts";
import { setHeaderFixes } from "./shared.ts";
import { documentDraft } from "./document-draft.ts";

/** Sources that let any site frame the page: a frame-ancestors made only of these protects nothing. */
const ANY_ANCESTOR = new Set(["*", "https:", "http:", "https://*", "http://*", "wss:", "ws:"]);

export const clickjacking: Check = {
  meta: {
    id: "headers.clickjacking",
    title: "Any website can show this page in a frame (clickjacking)",
    cvss: "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:L/A:N",
    cwe: "CWE-1021",
    references: [
      {
        title: "MDN: Clickjacking",
        url: "https://developer.mozilla.org/en-US/docs/Web/Security/Attacks/Clickjacking",
      },
      {
        title: "OWASP Clickjacking Defense Cheat Sheet",
        url: "https://cheatsheetseries.owasp.org/cheatsheets/Clickjacking_Defense_Cheat_Sheet.html",
      },
      {
        title: "MDN: CSP frame-ancestors",
        url: "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Content-Security-Policy/frame-ancestors",
      },
    ],
    explanation:
      "Nothing stops another website from loading this page in an invisible `<iframe>` and placing its own buttons over yours. A logged-in visitor who thinks " +
      'they are clicking "Play" on the attacker\'s page actually clicks "Delete account", "Transfer" or "Allow" on yours. ' +
      "Browsers refuse to frame a page whose `Content-Security-Policy` header has `frame-ancestors` (it does not work in a `<meta>` policy), or, failing that, " +
      "whose `X-Frame-Options` is `DENY` or `SAMEORIGIN`. When a policy has `frame-ancestors`, browsers ignore X-Frame-Options, so `frame-ancestors *` undoes it.",
    fixes: setHeaderFixes({
      header: "X-Frame-Options",
      value: "DENY",
      express: [
        "helmet sends `X-Frame-Options: SAMEORIGIN` and `frame-ancestors 'self'` by default; keep them, or tighten both:",
        "```js",
        "app.use(helmet({",
        "  contentSecurityPolicy: { directives: { frameAncestors: [\"'none'\"] } },",
        "  xFrameOptions: { action: 'deny' },",
        "}));",
        "```",
      ].join("\n"),
      lead: Object.fromEntries(
        (["nextjs", "fastapi", "nginx", "vercel", "netlify"] as const).map((stack) => [
          stack,
          "Send `X-Frame-Options: DENY` (or `SAMEORIGIN` if you frame your own pages), or add `frame-ancestors 'none'` to the Content-Security-Policy *header* you already send. If that header has `frame-ancestors *`, remove it: it overrides X-Frame-Options.",
        ]),
      ),
    }),
    learn: "clickjacking#clickjacking",
    needs: [DocumentCsps],
  },
  analyse(artifacts) {
    return artifacts.read(DocumentCsps).flatMap((doc) => {
      const verdict = framing(doc);
      if (verdict.protected) return [];
      return [
        documentDraft(
          doc.document,
          `${doc.document.url} can be framed by any site: ${verdict.reason}.`,
          verdict.reason,
          ["content-security-policy", "x-frame-options"],
          { reason: verdict.reason },
        ),
      ];
    });
  },
};

/** The HTML spec's rule: a header CSP with frame-ancestors decides alone; otherwise X-Frame-Options does. */
export function framing(doc: DocumentCsp): { protected: boolean; reason: string } {
  const withAncestors = doc.enforced.filter(
    (policy) => policy.delivery === "header" && "frame-ancestors" in policy.csp.directives,
  );
  if (withAncestors.length > 0) {
    // The page must pass every policy, so one restrictive frame-ancestors is enough.
    const restrictive = withAncestors.some((policy) =>
      (policy.csp.directives["frame-ancestors"] ?? []).every(
        (source) => !ANY_ANCESTOR.has(source.toLowerCase()),
      ),
    );
    return restrictive
      ? { protected: true, reason: "frame-ancestors restricts framing" }
      : {
          protected: false,
          reason: "frame-ancestors allows every site, and browsers then ignore X-Frame-Options",
        };
  }
  const values = new Set(
    headerValues(doc.document.headers, "x-frame-options")
      .flatMap((value) => value.split(","))
      .map((value) => value.trim().toLowerCase())
      .filter((value) => value !== ""),
  );
  if (values.size > 1 && (values.has("deny") || values.has("sameorigin") || values.has("allowall")))
    return { protected: true, reason: "conflicting X-Frame-Options values, which browsers treat as DENY" };
  if (values.has("deny") || values.has("sameorigin"))
    return { protected: true, reason: "X-Frame-Options restricts framing" };
  const metaOnly = doc.enforced.some((p) => p.delivery === "meta" && p.ignored.includes("frame-ancestors"));
  if (values.size > 0)
    return {
      protected: false,
      reason: `X-Frame-Options: ${[...values].join(", ")} is not DENY or SAMEORIGIN (ALLOW-FROM is no longer supported)`,
    };
  return {
    protected: false,
    reason: metaOnly
      ? "frame-ancestors is set only in a <meta> policy, where browsers ignore it, and there is no X-Frame-Options"
      : "there is no frame-ancestors in a Content-Security-Policy header and no X-Frame-Options",
  };
}
