import { evidenceFrom, type Labels, type FindingDraft } from "../../core/index.ts";
import type { ObservedCookie } from "../../artifacts/index.ts";

export function cookieDraft(
  cookie: ObservedCookie,
  summary: string,
  note: string,
  details: Labels = {},
  cvss?: string,
): FindingDraft {
  const evidence = evidenceFrom(cookie.exchange, note, { headers: ["set-cookie"], excerpt: "" });
  // Only this cookie's line, value redacted: the other Set-Cookie lines (and every value) stay out of the report.
  if (evidence.response) evidence.response = { ...evidence.response, headers: [["set-cookie", cookie.line]] };
  return {
    url: cookie.url,
    groupKey: `${cookie.host} ${cookie.name}`,
    summary,
    evidence: [evidence],
    details: {
      cookie: cookie.name,
      setCookie: cookie.line,
      scope: cookie.scope,
      ...(cookie.session ? { sessionLike: cookie.session } : {}),
      ...details,
    },
    ...(cvss ? { cvss } : {}),
  };
}
