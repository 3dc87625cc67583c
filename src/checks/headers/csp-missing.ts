import type { Check } from "../../core/index.ts";
import { cspStatus, describePolicies, DocumentCsps, metaExcerpt } from "../../artifacts/index.ts";
import { CSP_CWE, CSP_REFERENCES, CVSS_SCRIPT_INJECTION_UNMITIGATED, cspFixes } from "./shared.ts";
import { documentDraft } from "./document-draft.ts";

export const cspMissing: Check = {
  meta: {
    id: "headers.csp-missing",
    title: "No Content-Security-Policy limits the scripts this page runs",
    cvss: CVSS_SCRIPT_INJECTION_UNMITIGATED,
    cwe: CSP_CWE,
    references: CSP_REFERENCES,
    explanation:
      "A Content-Security-Policy (CSP) tells the browser which scripts a page may run. Without one, any script that gets into the page runs: " +
      "if an attacker finds a way to inject HTML (a comment, a profile name, a URL parameter rendered without escaping), their script runs as your site, " +
      "reads what the user sees and acts as them. A CSP is the safety net that stops most of those injections even when the bug is there. " +
      "A `Content-Security-Policy-Report-Only` header only reports violations and blocks nothing, and a policy without `script-src` or `default-src` " +
      "does not restrict scripts at all; both count as missing here.",
    fixes: cspFixes(
      "Send a `Content-Security-Policy` header on every HTML page, with at least `script-src` (or `default-src`), `object-src 'none'` and `base-uri`. A `<meta http-equiv>` policy also works, except for `frame-ancestors`.",
    ),
    learn: "content-security-policy#csp-missing",
    needs: [DocumentCsps],
  },
  analyse(artifacts) {
    return artifacts.read(DocumentCsps).flatMap((doc) => {
      const status = cspStatus(doc);
      if (status === "present") return [];
      const url = doc.document.url;
      const reportOnly = doc.reportOnly.length > 0;
      const summary =
        status === "no-script-restriction"
          ? `${url} has a Content-Security-Policy without script-src or default-src, so it restricts no scripts.`
          : reportOnly
            ? `${url} sends only Content-Security-Policy-Report-Only, which reports violations but blocks nothing.`
            : `${url} sends no Content-Security-Policy.`;
      return [
        documentDraft(
          doc.document,
          summary,
          status === "no-script-restriction"
            ? "The page's policies set neither script-src nor default-src."
            : "The page answered without an enforced Content-Security-Policy (header or <meta>).",
          ["content-security-policy", "content-security-policy-report-only"],
          {
            reason: status === "no-script-restriction" ? "no-script-restriction" : "no-policy",
            reportOnly: reportOnly ? doc.reportOnly.join(" , ").slice(0, 400) : "",
            policies: describePolicies(doc.enforced),
          },
          metaExcerpt(doc),
        ),
      ];
    });
  },
};
