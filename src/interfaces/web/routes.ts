import { getArticle, listArticles } from "../../learn/index.ts";
import { isScanId } from "../../store/scan-id.ts";
import { createScan } from "../api/create-scan.ts";
import { scanLinks } from "../api/scan-resource.ts";
import type { RequestContext } from "../server/context.ts";
import { HttpError } from "../server/http-error.ts";
import { mediaType, readBody } from "../server/request-body.ts";
import { redirect, sendHtml } from "../server/respond.ts";
import type { Router } from "../server/router.ts";
import { errorPage } from "./error-page.ts";
import { homePage } from "./home-page.ts";
import { learnArticlePage, learnIndexPage } from "./learn-pages.ts";
import { scanPage } from "./scan-page.ts";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The pages people open: server-rendered, working without JavaScript. */
export function webRoutes(router: Router): void {
  router
    .get("/", (context) => sendHtml(context, 200, homePage({ nonce: context.nonce })))
    .post("/scan", submitScan)
    .get("/scans/:id", showScan)
    .get("/learn", (context) =>
      sendHtml(context, 200, learnIndexPage({ nonce: context.nonce, articles: listArticles() })),
    )
    .get("/learn/:slug", (context) => {
      const slug = context.params.slug ?? "";
      const article = SLUG.test(slug) ? getArticle(slug) : undefined;
      if (!article) throw new HttpError(404, "not_found", "There is no Learn article at this address.");
      sendHtml(context, 200, learnArticlePage({ nonce: context.nonce, article }));
    });
}

/** The form's POST: on success a 303 to the scan's page; on a refusal, the form again with the reason. */
async function submitScan(context: RequestContext): Promise<void> {
  refuseCrossSite(context);
  if (mediaType(context.req) !== "application/x-www-form-urlencoded")
    throw new HttpError(415, "unsupported_media_type", "Send the form as application/x-www-form-urlencoded.");
  const raw = await readBody(context.req, context.services.config.bodyLimitBytes);
  const url = new URLSearchParams(raw.toString("utf8")).get("url") ?? "";
  try {
    const { scan } = createScan(context.services, context.client, { url });
    redirect(context, scanLinks(scan.id).page);
  } catch (error) {
    if (!(error instanceof HttpError) || error.status === 413) throw error;
    sendHtml(
      context,
      error.status,
      homePage({ nonce: context.nonce, value: url.slice(0, 2048), error: error.message }),
      error.headers,
    );
  }
}

/**
 * Another site must not make its visitors start scans from their addresses. Browsers say where a form
 * post came from (Sec-Fetch-Site, Origin); a post from elsewhere is refused.
 */
function refuseCrossSite(context: RequestContext): void {
  const site = context.req.headers["sec-fetch-site"];
  const origin = context.req.headers.origin;
  const host = context.req.headers.host;
  const crossSite = site !== undefined && site !== "same-origin" && site !== "none";
  let foreignOrigin = false;
  if (origin !== undefined && origin !== "null" && host) {
    try {
      foreignOrigin = new URL(origin).host !== host;
    } catch {
      foreignOrigin = true;
    }
  }
  // Sec-Fetch-Site is set by the browser alone; when it says same-origin, an opaque Origin is no threat.
  const opaqueOrigin = origin === "null" && site !== "same-origin";
  if (crossSite || foreignOrigin || opaqueOrigin)
    throw new HttpError(403, "cross_site", "Scans can be started from this site's own page only.");
}

function showScan(context: RequestContext): void {
  const id = context.params.id ?? "";
  const scan = isScanId(id) ? context.services.store.get(id) : undefined;
  if (!scan)
    throw new HttpError(404, "not_found", "No scan has this address. Check the link, or start a new scan.");
  const { queue, store, config } = context.services;
  sendHtml(
    context,
    200,
    scanPage({
      nonce: context.nonce,
      scan,
      live: queue.live.get(scan.id),
      position: queue.position(scan.id),
      history: scan.status === "done" ? store.historyFor(scan.url, 11) : [],
      origin: config.publicUrl ?? requestOrigin(context),
    }),
  );
}

/** The origin the visitor used, for absolute links in the badge snippet; a strange Host falls back. */
function requestOrigin(context: RequestContext): string {
  const host = context.req.headers.host ?? "";
  const safe = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i.test(host) ? host : "localhost";
  return `${context.https ? "https" : "http"}://${safe}`;
}

/** Errors met in the browser get a page, not JSON. */
export function sendErrorPage(context: RequestContext, error: HttpError): void {
  const titles: Record<number, string> = {
    404: "Not found",
    403: "Not allowed",
    405: "Not allowed",
    413: "Too large",
    429: "Slow down",
    503: "Busy",
  };
  sendHtml(
    context,
    error.status,
    errorPage({
      nonce: context.nonce,
      status: error.status,
      title: titles[error.status] ?? "Something went wrong",
      message: error.message,
    }),
    error.headers,
  );
}
