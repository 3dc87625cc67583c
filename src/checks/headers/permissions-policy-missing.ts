import { type Check, headerValue, CVSS_INFORMATIONAL } from "../../core/index.ts";
import { HtmlDocuments } from "../../artifacts/index.ts";
import { HARDENING_REFERENCES, setHeaderFixes } from "./shared.ts";
import { documentDraft } from "./document-draft.ts";

const VALUE = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

export const permissionsPolicyMissing: Check = {
  meta: {
    id: "headers.permissions-policy-missing",
    title: "No Permissions-Policy limits powerful browser features (informational)",
    cvss: CVSS_INFORMATIONAL,
    cwe: "CWE-693",
    references: [
      {
        title: "MDN: Permissions-Policy",
        url: "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Permissions-Policy",
      },
      ...HARDENING_REFERENCES,
    ],
    explanation:
      "`Permissions-Policy` switches off browser features the site does not use (camera, microphone, geolocation, payment, USB) for the page and for anything " +
      "it embeds. Without it, an injected script or a compromised third-party iframe can still ask the visitor for those permissions under your name. " +
      "It is defence in depth, not a hole: this finding is informational and costs nothing in the grade.",
    fixes: setHeaderFixes({
      header: "Permissions-Policy",
      value: VALUE,
      express: [
        "helmet does not set this one; add it yourself, listing the features you do not use:",
        "```js",
        `app.use((req, res, next) => { res.setHeader('Permissions-Policy', '${VALUE}'); next(); });`,
        "```",
      ].join("\n"),
    }),
    learn: "security-headers#permissions-policy-missing",
    needs: [HtmlDocuments],
  },
  analyse(artifacts) {
    return artifacts.read(HtmlDocuments).flatMap((document) => {
      if (headerValue(document.headers, "permissions-policy") !== undefined) return [];
      const legacy = headerValue(document.headers, "feature-policy") !== undefined;
      return [
        documentDraft(
          document,
          legacy
            ? `${document.url} sends only the old Feature-Policy header, not Permissions-Policy.`
            : `${document.url} sends no Permissions-Policy.`,
          "The page carries no Permissions-Policy header.",
          ["permissions-policy", "feature-policy"],
        ),
      ];
    });
  },
};
