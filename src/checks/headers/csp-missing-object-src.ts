import type { Check } from "../../core/index.ts";
import {
  cspStatus,
  describePolicies,
  DocumentCsps,
  metaExcerpt,
  objectSrcMissing,
} from "../../artifacts/index.ts";
import { CSP_CWE, CSP_REFERENCES, CVSS_CSP_GAP, cspFixes } from "./shared.ts";
import { documentDraft } from "./document-draft.ts";

export const cspMissingObjectSrc: Check = {
  meta: {
    id: "headers.csp-missing-object-src",
    title: "The Content-Security-Policy does not restrict plugins (object-src)",
    cvss: CVSS_CSP_GAP,
    cwe: CSP_CWE,
    references: CSP_REFERENCES,
    explanation:
      "The policy restricts scripts but sets neither `object-src` nor `default-src`, so `<object>` and `<embed>` may load anything. " +
      "Injected plugin content has been a classic way around script rules; the strict-CSP recipe from Google and OWASP closes it with `object-src 'none'`, " +
      "which costs nothing on a site that embeds no plugins.",
    fixes: cspFixes("Add `object-src 'none'` to the policy (or a `default-src` that it can fall back to)."),
    learn: "content-security-policy#csp-missing-object-src",
    needs: [DocumentCsps],
  },
  analyse(artifacts) {
    return artifacts.read(DocumentCsps).flatMap((doc) => {
      // Without script restriction the page is reported as csp-missing; this is a gap in a working policy.
      if (cspStatus(doc) !== "present" || !doc.enforced.every(objectSrcMissing)) return [];
      return [
        documentDraft(
          doc.document,
          `${doc.document.url}: the Content-Security-Policy sets neither object-src nor default-src.`,
          "No enforced policy restricts <object> and <embed>.",
          ["content-security-policy"],
          { directive: "object-src", policies: describePolicies(doc.enforced) },
          metaExcerpt(doc),
        ),
      ];
    });
  },
};
