import { evidenceFrom, type FindingDraft, type Labels } from "../../core/index.ts";
import type { HtmlDocument } from "../../artifacts/index.ts";

/** One draft per document, grouped by origin: the finding lists every page of the host that has the problem. */
export function documentDraft(
  document: HtmlDocument,
  summary: string,
  note: string,
  headers: readonly string[],
  details: Labels = {},
  excerpt = "",
): FindingDraft {
  return {
    url: document.url,
    groupKey: document.origin,
    summary,
    evidence: [evidenceFrom(document.exchange, note, { headers: [...headers, "content-type"], excerpt })],
    details,
  };
}
