import { parseTarget, TargetError } from "../../core/target.ts";
import { renderBadge } from "../../reporters/badge.ts";
import { renderHtml } from "../../reporters/html.ts";
import { renderJson } from "../../reporters/json.ts";
import { renderSarif } from "../../reporters/sarif.ts";
import type { RequestContext } from "../server/context.ts";
import { HttpError } from "../server/http-error.ts";
import { mediaType, readBody } from "../server/request-body.ts";
import { sendBody, sendJson } from "../server/respond.ts";
import type { Router } from "../server/router.ts";
import { createScan } from "./create-scan.ts";
import { findScan, finishedScan } from "./find-scan.ts";
import { openApiDocument } from "./openapi.ts";
import { scanLinks, scanResource } from "./scan-resource.ts";
import { streamScanEvents } from "./scan-events.ts";

const HISTORY_LIMIT = 20;

/** The HTTP API, /api/v1: JSON in, JSON out, one error shape; described by /api/openapi.json. */
export function apiRoutes(router: Router): void {
  router
    .post("/api/v1/scans", postScan)
    .get("/api/v1/scans", listScans)
    .get("/api/v1/scans/:id", getScan)
    .get("/api/v1/scans/:id/events", streamScanEvents)
    .get("/api/v1/scans/:id/report.json", (context) => {
      const { scan, report } = finishedScan(context);
      download(context, "application/json; charset=utf-8", renderJson(report), fileName(scan.url, "json"));
    })
    .get("/api/v1/scans/:id/report.sarif", (context) => {
      const { scan, report } = finishedScan(context);
      download(
        context,
        "application/sarif+json; charset=utf-8",
        renderSarif(report),
        fileName(scan.url, "sarif"),
      );
    })
    .get("/api/v1/scans/:id/report.html", (context) => {
      const { scan, report } = finishedScan(context);
      download(
        context,
        "text/html; charset=utf-8",
        renderHtml(report, { nonce: context.nonce }),
        fileName(scan.url, "html"),
      );
    })
    .get("/api/v1/scans/:id/badge.svg", badge)
    .get("/api/openapi.json", (context) => sendJson(context, 200, openApiDocument()));
}

async function postScan(context: RequestContext): Promise<void> {
  if (mediaType(context.req) !== "application/json")
    throw new HttpError(415, "unsupported_media_type", "Send the body as application/json.");
  const raw = await readBody(context.req, context.services.config.bodyLimitBytes);
  let body: unknown;
  try {
    body = JSON.parse(raw.toString("utf8"));
  } catch {
    throw new HttpError(400, "invalid_json", "The body is not valid JSON.");
  }
  const { scan } = createScan(context.services, context.client, body);
  const links = scanLinks(scan.id);
  sendJson(context, 202, scanResource(scan, context.services.queue, false), { location: links.self });
}

function getScan(context: RequestContext): void {
  const scan = findScan(context);
  const waiting = scan.status !== "done" && scan.status !== "failed";
  sendJson(
    context,
    200,
    scanResource(scan, context.services.queue, true),
    waiting ? { "retry-after": "2" } : {},
  );
}

function listScans(context: RequestContext): void {
  const url = context.url.searchParams.get("url");
  if (!url)
    throw new HttpError(
      400,
      "invalid_url",
      "Give the URL whose scans to list: /api/v1/scans?url=https://example.com",
    );
  let normalised: string;
  try {
    normalised = parseTarget(url).url;
  } catch (error) {
    if (error instanceof TargetError) throw new HttpError(400, "invalid_url", error.message);
    throw error;
  }
  const scans = context.services.store
    .historyFor(normalised, HISTORY_LIMIT)
    .map((scan) => scanResource(scan, context.services.queue, false));
  sendJson(context, 200, { url: normalised, scans });
}

function badge(context: RequestContext): void {
  const scan = findScan(context);
  const grade = scan.status === "done" ? (scan.grade ?? "?") : scan.status === "failed" ? "?" : "…";
  sendBody(context, 200, "image/svg+xml; charset=utf-8", renderBadge(grade), {
    // README badges are fetched by image proxies and other sites: this one resource may be embedded.
    "cross-origin-resource-policy": "cross-origin",
    "cache-control": scan.status === "done" ? "public, max-age=300" : "no-cache",
  });
}

function download(context: RequestContext, type: string, body: string, name: string): void {
  sendBody(context, 200, type, body, { "content-disposition": `inline; filename="${name}"` });
}

/** amihackable-example.com-2026-01-31.json: the host, made safe for a header and a file system. */
function fileName(url: string, extension: string): string {
  const host = new URL(url).hostname.replace(/[^a-z0-9.-]/gi, "_").slice(0, 100);
  return `amihackable-${host}.${extension}`;
}
