import { type Check, headerValues } from "../../core/index.ts";
import { HtmlDocuments, type HtmlDocument } from "../../artifacts/index.ts";
import { HARDENING_REFERENCES, setHeaderFixes } from "./shared.ts";
import { documentDraft } from "./document-draft.ts";

const POLICIES = new Set([
  "no-referrer",
  "no-referrer-when-downgrade",
  "same-origin",
  "origin",
  "strict-origin",
  "origin-when-cross-origin",
  "strict-origin-when-cross-origin",
  "unsafe-url",
]);
/** Old <meta name="referrer"> keywords, mapped as the HTML spec does. */
const LEGACY_META: Record<string, string> = {
  never: "no-referrer",
  default: "strict-origin-when-cross-origin",
  always: "unsafe-url",
  "origin-when-crossorigin": "origin-when-cross-origin",
};
/** The policies that send the full URL (path and query) to other sites. */
const UNSAFE = new Set(["unsafe-url", "no-referrer-when-downgrade"]);

export const referrerPolicyUnsafe: Check = {
  meta: {
    id: "headers.referrer-policy-unsafe",
    title: "Full page URLs are sent to other websites (unsafe Referrer-Policy)",
    cvss: "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N",
    cwe: "CWE-200",
    references: [
      {
        title: "MDN: Referrer-Policy",
        url: "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Referrer-Policy",
      },
      ...HARDENING_REFERENCES,
    ],
    explanation:
      "The page sets its referrer policy to `unsafe-url` or `no-referrer-when-downgrade`, so every link click, image, script and API call to another site sends the " +
      "full URL of the page, path and query string included. URLs often carry things that should stay private: password-reset and invite tokens, search terms, " +
      "order or document ids. Analytics, ad and CDN providers then receive them. Sending no Referrer-Policy at all is fine: browsers default to " +
      "`strict-origin-when-cross-origin`, which sends other sites only your origin; only a policy that loosens that default is reported. " +
      'A `<meta name="referrer">` in the page overrides the header and is judged the same way.',
    fixes: setHeaderFixes({
      header: "Referrer-Policy",
      value: "strict-origin-when-cross-origin",
      express: [
        "helmet sends `Referrer-Policy: no-referrer` by default; remove any override to `unsafe-url`/`no-referrer-when-downgrade`:",
        "```js",
        "app.use(helmet({ referrerPolicy: { policy: 'strict-origin-when-cross-origin' } }));",
        "```",
      ].join("\n"),
      lead: Object.fromEntries(
        (["nextjs", "fastapi", "nginx", "vercel", "netlify"] as const).map((stack) => [
          stack,
          'Send `strict-origin-when-cross-origin` (or `no-referrer`), or remove the loose value so the browser default applies; also remove any `<meta name="referrer" content="unsafe-url">` from your HTML.',
        ]),
      ),
    }),
    learn: "security-headers#referrer-policy-unsafe",
    needs: [HtmlDocuments],
  },
  analyse(artifacts) {
    return artifacts.read(HtmlDocuments).flatMap((document) => {
      const effective = effectivePolicy(document);
      if (!effective || !UNSAFE.has(effective.policy)) return [];
      return [
        documentDraft(
          document,
          `${document.url} sets its referrer policy to ${effective.policy} (${effective.source}), which sends the full page URL to other sites.`,
          `The effective referrer policy is ${effective.policy}, from the ${effective.source}.`,
          ["referrer-policy"],
          { policy: effective.policy, source: effective.source },
          effective.source === "meta tag" ? `<meta name="referrer" content="${effective.raw}">` : "",
        ),
      ];
    });
  },
};

/** The policy the browser applies: the last valid <meta name="referrer">, else the header's last valid token. */
export function effectivePolicy(
  document: HtmlDocument,
): { policy: string; source: "header" | "meta tag"; raw: string } | undefined {
  let found: { policy: string; source: "header" | "meta tag"; raw: string } | undefined;
  for (const token of headerValues(document.headers, "referrer-policy").flatMap((value) =>
    value.split(","),
  )) {
    const policy = token.trim().toLowerCase();
    if (POLICIES.has(policy)) found = { policy, source: "header", raw: token.trim() };
  }
  for (const content of document.metaReferrer) {
    const value = content.trim().toLowerCase();
    const policy = LEGACY_META[value] ?? value;
    if (POLICIES.has(policy)) found = { policy, source: "meta tag", raw: content.trim().slice(0, 60) };
  }
  return found;
}
