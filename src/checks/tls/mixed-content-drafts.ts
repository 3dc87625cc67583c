import { bodyText, evidenceFrom, type FindingDraft } from "../../core/index.ts";
import type { HtmlDocument } from "../../artifacts/index.ts";
import { clipUrl, upgradesInsecureRequests } from "./shared.ts";

/** An http:// subresource of an https page, where the markup names it. */
interface InsecureReference {
  tag: string;
  url: string;
  offset: number;
}

/** What tells the active and the passive mixed-content findings apart. */
interface MixedContentKind {
  /** The http:// resources of this kind the page's markup loads. */
  find: (html: string, pageUrl: string) => InsecureReference[];
  /** "3 active resources", "1 image or media file". */
  counted: (count: number) => string;
  /** Extra details for one page (for example that the louder finding also applies). */
  details?: (html: string, pageUrl: string) => Record<string, string>;
}

/**
 * One finding per https page that loads resources of `kind` over plain http and does not upgrade them
 * (`upgrade-insecure-requests` / `block-all-mixed-content`): the first five listed in the summary, the
 * first quoted in the evidence, all of them (clipped) in the details.
 */
export function mixedContentDrafts(
  documents: readonly HtmlDocument[],
  kind: MixedContentKind,
): FindingDraft[] {
  return documents
    .filter((document) => document.https && !upgradesInsecureRequests(document))
    .flatMap((document) => {
      const html = bodyText(document.exchange.response);
      const references = kind.find(html, document.url);
      const first = references[0];
      if (!first) return [];
      const listed = references
        .slice(0, 5)
        .map((reference) => `<${reference.tag}> ${clipUrl(reference.url)}`)
        .join(", ");
      return [
        {
          url: document.url,
          summary: `${document.url} loads ${kind.counted(references.length)} over plain http: ${listed}${references.length > 5 ? ", …" : ""}.`,
          evidence: [
            evidenceFrom(
              document.exchange,
              `The https page loads ${clipUrl(first.url)} in its <${first.tag}> element, over plain http.`,
              { headers: ["content-type", "content-security-policy"], around: first.offset },
            ),
          ],
          details: {
            insecureResources: references.map((reference) => clipUrl(reference.url)).join(" "),
            elements: [...new Set(references.map((reference) => reference.tag))].join(", "),
            ...kind.details?.(html, document.url),
          },
        },
      ];
    });
}
