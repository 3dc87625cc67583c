import {
  asDocument,
  DOCUMENT_PROBE,
  DOCUMENT_ROLE,
  HtmlDocuments,
  REPEAT_ROLE,
  LiveCookies,
  ObservedCookies,
  DocumentCsps,
  ReusedNonces,
  HostHstsPolicies,
} from "../../artifacts/index.ts";
import type { Probe, ProbeContext } from "../probe.ts";

/** A few pages are enough to see whether headers are set site-wide and where cookies are set. */
export const DOCUMENTS_LIMITS = {
  maxDocuments: 3,
  /** Headers and the <head> are all these checks read. */
  maxBodyBytes: 512 * 1024,
};

/** Links that are files rather than pages. */
const NOT_A_PAGE =
  /\.(m?js|css|map|json|xml|txt|png|jpe?g|gif|webp|avif|svg|ico|pdf|zip|gz|tgz|rar|7z|mp4|webm|mp3|wav|woff2?|ttf|otf|eot|csv|xlsx?|docx?|pptx?|apk|dmg|exe|rss|atom)$/i;
/** A GET that may change state for a logged-in scan (the user's cookies are sent to the site): never follow. */
const HAS_SIDE_EFFECTS =
  /(log-?out|sign-?out|log-?off|unsubscribe|delete|remove|destroy|cancel|revoke|disable|deactivate|reset|confirm|verify|approve)/i;
/** Pages that usually set the session cookie: looked at first. */
const SETS_COOKIES = /(log-?in|sign-?in|sign-?up|register|account|auth|session|dashboard)/i;

/**
 * Fetches up to three more same-site HTML pages from the links the main page has (login and account pages
 * first), so headers are judged on more than the homepage and cookies set there are seen. When the main
 * page's CSP uses a nonce, one of the three is a second fetch of the main page, to see the nonce change.
 */
export const documentsProbe: Probe = {
  name: DOCUMENT_PROBE,
  title: "Fetching a few more pages",
  after: ["discovery"],
  produces: [HtmlDocuments, DocumentCsps, ReusedNonces, HostHstsPolicies, ObservedCookies, LiveCookies],
  async run(context) {
    const { discovery, http } = context;
    const page = context.http.exchanges.find((exchange) => exchange.id === discovery.pageExchangeId);
    const document = page && asDocument(page);
    if (!document) return;
    const usesNonce = [
      ...document.metaCsp,
      ...document.headers.filter(([name]) => name === "content-security-policy").map(([, value]) => value),
    ].some((policy) => /'nonce-/i.test(policy));
    const pages = chooseLinks(context, document.url, DOCUMENTS_LIMITS.maxDocuments - (usesNonce ? 1 : 0));
    const fetches = pages.map((url) => ({ url, role: DOCUMENT_ROLE }));
    if (usesNonce) fetches.push({ url: document.url, role: REPEAT_ROLE });
    if (fetches.length === 0) return;
    context.progress(`Fetching ${fetches.length} more page${fetches.length === 1 ? "" : "s"}`);
    await Promise.all(
      fetches.map(({ url, role }) =>
        http.send({
          method: "GET",
          url,
          probe: DOCUMENT_PROBE,
          labels: { role },
          follow: true,
          maxBodyBytes: DOCUMENTS_LIMITS.maxBodyBytes,
        }),
      ),
    );
  },
};

/** Same-origin links first, then other same-site hosts; cookie-setting pages first; one per top-level section. */
export function chooseLinks(
  context: Pick<ProbeContext, "discovery">,
  pageUrl: string,
  count: number,
): string[] {
  if (count <= 0) return [];
  const page = new URL(pageUrl);
  const seen = new Set([`${page.origin}${page.pathname}`]);
  const candidates: Array<{ url: string; rank: number; section: string; index: number }> = [];
  context.discovery.links.forEach((link, index) => {
    let url: URL;
    try {
      url = new URL(link);
    } catch {
      return;
    }
    const key = `${url.origin}${url.pathname}`;
    if (seen.has(key) || NOT_A_PAGE.test(url.pathname) || HAS_SIDE_EFFECTS.test(url.pathname + url.search))
      return;
    seen.add(key);
    const rank = (url.origin === page.origin ? 0 : 2) + (SETS_COOKIES.test(url.pathname) ? 0 : 1);
    candidates.push({
      url: url.href,
      rank,
      section: `${url.host}/${url.pathname.split("/")[1] ?? ""}`,
      index,
    });
  });
  candidates.sort((a, b) => a.rank - b.rank || a.index - b.index);
  const chosen: string[] = [];
  const sections = new Set<string>();
  for (const candidate of candidates) {
    if (chosen.length >= count) break;
    if (sections.has(candidate.section)) continue;
    sections.add(candidate.section);
    chosen.push(candidate.url);
  }
  for (const candidate of candidates) {
    if (chosen.length >= count) break;
    if (!chosen.includes(candidate.url)) chosen.push(candidate.url);
  }
  return chosen;
}
