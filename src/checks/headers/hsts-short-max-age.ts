import type { Check } from "../../core/index.ts";
import { HSTS_MIN_MAX_AGE, HostHstsPolicies } from "../../artifacts/index.ts";
import { CVSS_HSTS_SHORT, HSTS_CWE, HSTS_REFERENCES, hstsFixes } from "./hsts-shared.ts";
import { documentDraft } from "./document-draft.ts";

export const hstsShortMaxAge: Check = {
  meta: {
    id: "headers.hsts-short-max-age",
    title: "HSTS expires too soon (max-age below 180 days)",
    cvss: CVSS_HSTS_SHORT,
    cwe: HSTS_CWE,
    references: HSTS_REFERENCES,
    explanation:
      "The site sends `Strict-Transport-Security`, but with a max-age under 180 days. Browsers forget the rule that long after a visit, and a returning visitor's first " +
      "request can again go out over plain http, where someone on the network can intercept it. `max-age=0` switches HSTS off entirely. " +
      "Short values are fine while you test that everything works over https; raise it (two years is usual, and needed for the preload list) once it does.",
    fixes: hstsFixes("Raise max-age to at least 15552000 (180 days); 63072000 (two years) is usual."),
    learn: "https-and-hsts#hsts-short-max-age",
    needs: [HostHstsPolicies],
  },
  analyse(artifacts) {
    return artifacts.read(HostHstsPolicies).flatMap((host) => {
      const best = host.best;
      if (!best || (best.hsts.maxAge ?? 0) >= HSTS_MIN_MAX_AGE) return [];
      const maxAge = best.hsts.maxAge ?? 0;
      const days = Math.floor(maxAge / 86_400);
      return [
        documentDraft(
          best.document,
          maxAge === 0
            ? `${best.document.url} sends Strict-Transport-Security with max-age=0, which turns HSTS off.`
            : `${best.document.url} sends Strict-Transport-Security with max-age=${maxAge} (${days} day${days === 1 ? "" : "s"}), below 180 days.`,
          `Strict-Transport-Security: ${best.hsts.raw.slice(0, 200)}`,
          ["strict-transport-security"],
          {
            maxAge: String(maxAge),
            includeSubDomains: best.hsts.includeSubDomains ? "yes" : "no",
            preload: best.hsts.preload ? "yes" : "no",
          },
        ),
      ];
    });
  },
};
