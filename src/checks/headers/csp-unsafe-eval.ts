import type { Check } from "../../core/index.ts";
import {
  describePolicies,
  DocumentCsps,
  metaExcerpt,
  evalWeaknesses,
  scriptWeakness,
} from "../../artifacts/index.ts";
import { CSP_CWE, CSP_REFERENCES, CVSS_CSP_GAP, cspFixes } from "./shared.ts";
import { documentDraft } from "./document-draft.ts";

export const cspUnsafeEval: Check = {
  meta: {
    id: "headers.csp-unsafe-eval",
    title: "The Content-Security-Policy allows eval()",
    cvss: CVSS_CSP_GAP,
    cwe: CSP_CWE,
    references: CSP_REFERENCES,
    explanation:
      "`'unsafe-eval'` in `script-src` lets the page turn strings into code (`eval`, `new Function`, `setTimeout(\"...\")`). If attacker-controlled text ever reaches " +
      "one of those (a template compiled in the browser, a library that evaluates expressions), it runs as your site even though the CSP blocks inline scripts. " +
      "Modern bundlers do not need it in production; it is usually left over from a dev server, an old template engine or a runtime template compiler.",
    fixes: cspFixes(
      "Remove `'unsafe-eval'` from `script-src`. Use the production build (dev servers need eval, production bundles do not); precompile templates; for WebAssembly use `'wasm-unsafe-eval'` instead.",
    ),
    learn: "content-security-policy#csp-unsafe-eval",
    needs: [DocumentCsps],
  },
  analyse(artifacts) {
    return artifacts.read(DocumentCsps).flatMap((doc) => {
      const weak = scriptWeakness(doc, evalWeaknesses);
      const first = weak?.[0]?.weaknesses[0];
      if (!weak || !first) return [];
      return [
        documentDraft(
          doc.document,
          `${doc.document.url}: ${first.reason}.`,
          `Every enforced policy allows 'unsafe-eval' (${first.directive}).`,
          ["content-security-policy"],
          { directive: first.directive, value: first.value, policies: describePolicies(doc.enforced) },
          metaExcerpt(doc),
        ),
      ];
    });
  },
};
