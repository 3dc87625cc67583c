import type { FastifyReply, FastifyRequest, FastifySchemaValidationError } from "fastify";
import Type from "typebox";
import { getArticle, listArticles } from "../../learn/index.ts";
import { isScanId } from "../../store/index.ts";
import { createScan, scanLinks, ScanUrl, sinceLastScan, validationError } from "../api/index.ts";
import { type AppServices, type Server, HttpError, requireMediaType } from "../server/index.ts";
import { errorPage } from "./error-page.ts";
import type { SafeHtml } from "../../render/index.ts";
import { homePage } from "./home-page.ts";
import { learnArticlePage, learnIndexPage } from "./learn-pages.ts";
import { scanPage } from "./scan-page.ts";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The form's fields: the same URL rules as the API's body. */
const ScanForm = Type.Object({ url: ScanUrl });

/** The pages people open: server-rendered, working without JavaScript. */
export function webRoutes(app: Server, services: AppServices): void {
  app.get("/", (request, reply) => sendHtml(reply, 200, homePage({ nonce: request.nonce })));

  // The form's POST: on success a 303 to the scan's page; on a refusal, the form again with the reason.
  app.post(
    "/scan",
    {
      onRequest: [
        refuseCrossSite,
        requireMediaType(
          "application/x-www-form-urlencoded",
          "Send the form as application/x-www-form-urlencoded.",
        ),
      ],
      schema: { body: ScanForm },
      attachValidation: true,
    },
    async (request, reply) => {
      const url = typeof request.body?.url === "string" ? request.body.url : "";
      try {
        if (request.validationError)
          throw validationError(
            request.validationError.validationContext ?? "body",
            request.validationError.validation as FastifySchemaValidationError[],
          );
        const { scan } = await createScan(services, request, { url });
        return await reply.code(303).header("location", scanLinks(scan.id).page).send();
      } catch (error) {
        if (!(error instanceof HttpError) || error.status === 413) throw error;
        return sendHtml(
          reply.headers(error.headers),
          error.status,
          homePage({ nonce: request.nonce, value: url.slice(0, 2048), error: error.message }),
        );
      }
    },
  );

  app.get<{ Params: { id: string } }>("/scans/:id", async (request, reply) => {
    const { id } = request.params;
    const scan = isScanId(id) ? await services.store.get(id) : undefined;
    if (!scan)
      throw new HttpError(404, "not_found", "No scan has this address. Check the link, or start a new scan.");
    const { queue, store, config } = services;
    const done = scan.status === "done";
    return sendHtml(
      reply,
      200,
      scanPage({
        nonce: request.nonce,
        scan,
        live: queue.live.get(scan.id),
        position: await queue.position(scan.id),
        history: done ? await store.historyFor(scan.url, 11) : [],
        since: done ? await sinceLastScan(store, scan) : undefined,
        origin: config.publicUrl ?? requestOrigin(request),
      }),
    );
  });

  app.get("/learn", (request, reply) =>
    sendHtml(reply, 200, learnIndexPage({ nonce: request.nonce, articles: listArticles() })),
  );

  app.get<{ Params: { slug: string } }>("/learn/:slug", (request, reply) => {
    const { slug } = request.params;
    const article = SLUG.test(slug) ? getArticle(slug) : undefined;
    if (!article) throw new HttpError(404, "not_found", "There is no Learn article at this address.");
    return sendHtml(reply, 200, learnArticlePage({ nonce: request.nonce, article }));
  });
}

function sendHtml(reply: FastifyReply, status: number, page: SafeHtml): FastifyReply {
  return reply.code(status).type("text/html; charset=utf-8").send(page.value);
}

/**
 * Another site must not make its visitors start scans from their addresses. Browsers say where a form
 * post came from (Sec-Fetch-Site, Origin); a post from elsewhere is refused.
 */
async function refuseCrossSite(request: FastifyRequest): Promise<void> {
  const site = request.headers["sec-fetch-site"];
  const origin = request.headers.origin;
  const host = request.headers.host;
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

/** The origin the visitor used, for absolute links in the badge snippet; a strange Host falls back. */
function requestOrigin(request: FastifyRequest): string {
  const host = request.headers.host ?? "";
  const safe = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i.test(host) ? host : "localhost";
  return `${request.https ? "https" : "http"}://${safe}`;
}

const TITLES: Record<number, string> = {
  404: "Not found",
  403: "Not allowed",
  405: "Not allowed",
  413: "Too large",
  429: "Slow down",
  503: "Busy",
};

/** Errors met in the browser get a page, not JSON. */
export function sendErrorPage(request: FastifyRequest, reply: FastifyReply, error: HttpError): FastifyReply {
  return sendHtml(
    reply.headers(error.headers),
    error.status,
    errorPage({
      nonce: request.nonce,
      status: error.status,
      title: TITLES[error.status] ?? "Something went wrong",
      message: error.message,
    }),
  );
}
