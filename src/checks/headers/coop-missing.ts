import { type Check, headerValue, CVSS_INFORMATIONAL } from "../../core/index.ts";
import { HtmlDocuments } from "../../artifacts/index.ts";
import { HARDENING_REFERENCES, setHeaderFixes } from "./shared.ts";
import { documentDraft } from "./document-draft.ts";

export const coopMissing: Check = {
  meta: {
    id: "headers.coop-missing",
    title: "No Cross-Origin-Opener-Policy isolates this page from other windows (informational)",
    cvss: CVSS_INFORMATIONAL,
    cwe: "CWE-1021",
    references: [
      {
        title: "MDN: Cross-Origin-Opener-Policy",
        url: "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Cross-Origin-Opener-Policy",
      },
      ...HARDENING_REFERENCES,
    ],
    explanation:
      "`Cross-Origin-Opener-Policy: same-origin` puts the page in its own browsing context group: a page on another site that opened it (or that it opened) " +
      "keeps no handle on its window. That closes cross-window tricks (XS-Leaks that count frames or time navigations, tabnabbing) and is needed for cross-origin " +
      "isolation. It is defence in depth: this finding is informational and costs nothing in the grade. Sites that rely on popups to other origins " +
      "(OAuth and payment flows) use `same-origin-allow-popups`.",
    fixes: setHeaderFixes({
      header: "Cross-Origin-Opener-Policy",
      value: "same-origin",
      express: [
        "helmet sends `Cross-Origin-Opener-Policy: same-origin` by default:",
        "```js",
        "app.use(helmet()); // or helmet({ crossOriginOpenerPolicy: { policy: 'same-origin-allow-popups' } }) for OAuth popups",
        "```",
      ].join("\n"),
    }),
    learn: "security-headers#coop-missing",
    needs: [HtmlDocuments],
  },
  analyse(artifacts) {
    return artifacts.read(HtmlDocuments).flatMap((document) => {
      if (headerValue(document.headers, "cross-origin-opener-policy") !== undefined) return [];
      return [
        documentDraft(
          document,
          `${document.url} sends no Cross-Origin-Opener-Policy.`,
          "The page carries no Cross-Origin-Opener-Policy header.",
          ["cross-origin-opener-policy"],
        ),
      ];
    });
  },
};
