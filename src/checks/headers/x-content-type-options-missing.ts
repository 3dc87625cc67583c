import { type Check, headerValues } from "../../core/index.ts";
import { HtmlDocuments } from "../../artifacts/index.ts";
import { HARDENING_REFERENCES, setHeaderFixes } from "./shared.ts";
import { documentDraft } from "./document-draft.ts";

export const xContentTypeOptionsMissing: Check = {
  meta: {
    id: "headers.x-content-type-options-missing",
    title: "Browsers may guess content types (no X-Content-Type-Options: nosniff)",
    cvss: "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:N/I:L/A:N",
    cwe: "CWE-693",
    references: [
      {
        title: "MDN: X-Content-Type-Options",
        url: "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/X-Content-Type-Options",
      },
      ...HARDENING_REFERENCES,
    ],
    explanation:
      "Without `X-Content-Type-Options: nosniff`, browsers may ignore the declared content type and guess from the bytes. A file a user uploaded as " +
      "`text/plain` or an image can then be run as HTML or as a script on your origin, which turns an upload feature into cross-site scripting. " +
      "The header is set once for the whole site and has no downside; it is checked on your pages as the sign of whether the site sends it.",
    fixes: setHeaderFixes({
      header: "X-Content-Type-Options",
      value: "nosniff",
      express: [
        "helmet sends it by default:",
        "```js",
        "const helmet = require('helmet');",
        "app.use(helmet());",
        "```",
        "Without helmet: `app.use((req, res, next) => { res.setHeader('X-Content-Type-Options', 'nosniff'); next(); });`",
      ].join("\n"),
    }),
    learn: "security-headers#x-content-type-options-missing",
    needs: [HtmlDocuments],
  },
  analyse(artifacts) {
    return artifacts.read(HtmlDocuments).flatMap((document) => {
      // Browsers read the first value only (Fetch: "determine nosniff").
      const first = headerValues(document.headers, "x-content-type-options")[0]
        ?.split(",")[0]
        ?.trim()
        .toLowerCase();
      if (first === "nosniff") return [];
      return [
        documentDraft(
          document,
          first
            ? `${document.url} sends X-Content-Type-Options: ${first.slice(0, 60)}, which is not nosniff.`
            : `${document.url} sends no X-Content-Type-Options: nosniff.`,
          "The page does not carry X-Content-Type-Options: nosniff.",
          ["x-content-type-options"],
        ),
      ];
    });
  },
};
