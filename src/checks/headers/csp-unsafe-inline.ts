import type { Check } from "../../core/index.ts";
import {
  describePolicies,
  DocumentCsps,
  metaExcerpt,
  inlineWeaknesses,
  ReusedNonces,
  scriptWeakness,
} from "../../artifacts/index.ts";
import { CSP_CWE, CSP_REFERENCES, CVSS_SCRIPT_INJECTION_UNMITIGATED, cspFixes } from "./shared.ts";
import { documentDraft } from "./document-draft.ts";

export const cspUnsafeInline: Check = {
  meta: {
    id: "headers.csp-unsafe-inline",
    title: "The Content-Security-Policy lets injected inline scripts run",
    cvss: CVSS_SCRIPT_INJECTION_UNMITIGATED,
    cwe: CSP_CWE,
    references: CSP_REFERENCES,
    explanation:
      "The page has a Content-Security-Policy, but its script rules allow `'unsafe-inline'` (with no nonce or hash beside it, which would make browsers ignore it), " +
      "or use a nonce that an attacker can know: one shorter than 8 characters, or the same in two responses (hard-coded, or cached by a CDN). " +
      "Injected HTML almost always arrives as an inline `<script>` or an `onerror=` handler, so this policy stops almost none of the attacks a CSP is for. " +
      "A policy with a fresh random nonce per response (and `'strict-dynamic'`) may keep `'unsafe-inline'` as a fallback for old browsers: that is fine and is not reported.",
    fixes: cspFixes(
      "Remove `'unsafe-inline'` from `script-src` (and `default-src`), and allow your own inline scripts with a nonce that is random and new on every response (or with their hashes). Never cache a page whose CSP carries a nonce.",
    ),
    learn: "content-security-policy#csp-unsafe-inline",
    needs: [DocumentCsps, ReusedNonces],
  },
  analyse(artifacts) {
    const reused = artifacts.read(ReusedNonces);
    return artifacts.read(DocumentCsps).flatMap((doc) => {
      const weak = scriptWeakness(doc, (policy) => inlineWeaknesses(policy, reused));
      const first = weak?.[0]?.weaknesses[0];
      if (!weak || !first) return [];
      return [
        documentDraft(
          doc.document,
          `${doc.document.url}: ${first.reason}.`,
          `Every enforced policy lets inline scripts through (${first.directive} ${first.value}).`,
          ["content-security-policy"],
          {
            directive: first.directive,
            value: first.value,
            weaknesses: weak.flatMap((entry) => entry.weaknesses.map((w) => w.reason)).join("; "),
            policies: describePolicies(doc.enforced),
          },
          metaExcerpt(doc),
        ),
      ];
    });
  },
};
