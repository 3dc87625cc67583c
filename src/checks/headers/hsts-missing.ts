import type { Check } from "../../core/index.ts";
import { HostHstsPolicies } from "../../artifacts/index.ts";
import { CVSS_HSTS_MISSING, HSTS_CWE, HSTS_REFERENCES, hstsFixes } from "./hsts-shared.ts";
import { documentDraft } from "./document-draft.ts";

export const hstsMissing: Check = {
  meta: {
    id: "headers.hsts-missing",
    title: "The https site does not tell browsers to always use https (no HSTS)",
    cvss: CVSS_HSTS_MISSING,
    cwe: HSTS_CWE,
    references: HSTS_REFERENCES,
    explanation:
      "Without `Strict-Transport-Security`, a browser that is sent to `http://` (a typed address, an old link, a bookmark) makes that first request in plain text. " +
      "Someone on the same network (café Wi-Fi, a compromised router) can answer it instead of your site, keep the visitor on an http copy, and read or change " +
      'everything, passwords and session cookies included ("SSL stripping"). The header makes the browser go straight to https for as long as max-age says. ' +
      "A header that browsers ignore (no max-age, a directive twice) counts as missing.",
    fixes: hstsFixes(
      "Send `Strict-Transport-Security` on every https response, with a max-age of at least 180 days.",
    ),
    learn: "https-and-hsts#hsts-missing",
    needs: [HostHstsPolicies],
  },
  analyse(artifacts) {
    return artifacts
      .read(HostHstsPolicies)
      .filter((host) => !host.best && !host.coveredBy)
      .flatMap((host) =>
        host.documents.map((document) => {
          const invalid = host.invalid?.document === document ? host.invalid.hsts : undefined;
          return documentDraft(
            document,
            invalid
              ? `${document.url} sends Strict-Transport-Security, but browsers ignore it: ${invalid.invalid}.`
              : `${document.url} is served over https without Strict-Transport-Security.`,
            invalid
              ? `The header "${invalid.raw.slice(0, 200)}" is not valid HSTS.`
              : "The https page carries no Strict-Transport-Security header.",
            ["strict-transport-security"],
            invalid ? { header: invalid.raw.slice(0, 200), problem: invalid.invalid ?? "" } : {},
          );
        }),
      );
  },
};
