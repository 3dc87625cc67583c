import Type from "typebox";
import { parseTarget, TargetError } from "../../core/index.ts";
import { renderBadge, renderHtml, renderJson, renderSarif } from "../../reporters/index.ts";
import { type AppServices, type Server, HttpError, requireMediaType } from "../server/index.ts";
import { batchLink, batchResource } from "./batch-resource.ts";
import { createBatch } from "./create-batch.ts";
import { createScan } from "./create-scan.ts";
import { findScan, finishedScan } from "./find-scan.ts";
import { scanLinks, scanResource } from "./scan-resource.ts";
import { streamScanEvents } from "./scan-events.ts";
import { sinceLastScan } from "./since-last-scan.ts";
import {
  Batch,
  BatchIdParams,
  BatchRequest,
  ErrorBody,
  LiveEventSchema,
  ref,
  ReportSchema,
  Scan,
  ScanIdParams,
  ScanList,
  ScanListQuery,
  ScanRequest,
} from "./schemas.ts";

const HISTORY_LIMIT = 20;

const retryAfter = {
  "Retry-After": { type: "string", description: "Seconds to wait before trying again." },
} as const;
const error = (description: string, headers?: object) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { "application/json": { schema: ref(ErrorBody) } },
});
const json = <T extends object>(schema: T, description: string, headers?: object) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { "application/json": { schema } },
});
const body = (type: string, description: string, schema: object = { type: "string" }) => ({
  description,
  content: { [type]: { schema } },
});
const notFound = error("No scan has this id (not_found).");
const notReady = error("The scan is not done yet (not_ready) or failed (scan_failed).", retryAfter);

/**
 * The HTTP API, /api/v1: JSON in, JSON out, one error shape. Each route's schema validates the request,
 * types the handler and describes the route in the OpenAPI document served at /api/openapi.json.
 */
export function apiRoutes(app: Server, services: AppServices): void {
  const { store, queue } = services;

  app.post(
    "/api/v1/scans",
    {
      onRequest: requireMediaType("application/json", "Send the body as application/json."),
      schema: {
        operationId: "createScan",
        summary: "Start a scan",
        body: ref(ScanRequest),
        response: {
          202: json(ref(Scan), "Accepted: the scan is queued.", {
            Location: { type: "string", description: "The scan's URL." },
          }),
          400: error(
            "The body or an option is invalid (invalid_json, invalid_body, invalid_url, invalid_option, unknown_check).",
          ),
          413: error("The body is too large (body_too_large)."),
          415: error("The body is not application/json (unsupported_media_type)."),
          422: error("The address may not be scanned (target_not_allowed, port_not_allowed)."),
          429: error(
            "Too many scans from this client (rate_limited), or too many of its scans waiting (too_many_waiting).",
            retryAfter,
          ),
          503: error("Too many scans are waiting (queue_full).", retryAfter),
        },
      },
    },
    async (request, reply) => {
      const { scan } = await createScan(services, request, request.body);
      return reply
        .code(202)
        .header("location", scanLinks(scan.id).self)
        .send(await scanResource(scan, queue, false));
    },
  );

  app.get(
    "/api/v1/scans",
    {
      schema: {
        operationId: "listScans",
        summary: "Scans of one URL, newest first",
        querystring: ScanListQuery,
        response: {
          200: json(ref(ScanList), `Up to ${HISTORY_LIMIT} scans of this URL.`),
          400: error("No or an invalid url (invalid_url)."),
          429: error("Too many requests (rate_limited).", retryAfter),
        },
      },
    },
    async (request) => {
      let url: string;
      try {
        url = parseTarget(request.query.url).url;
      } catch (error) {
        if (error instanceof TargetError) throw new HttpError(400, "invalid_url", error.message);
        throw error;
      }
      const history = await store.historyFor(url, HISTORY_LIMIT);
      const scans = await Promise.all(history.map((scan) => scanResource(scan, queue, false)));
      return { url, scans };
    },
  );

  app.get(
    "/api/v1/scans/:id",
    {
      schema: {
        operationId: "getScan",
        summary: "A scan: status, place in line, progress, and the report once done",
        params: ScanIdParams,
        response: { 200: json(ref(Scan), "The scan."), 404: notFound },
      },
    },
    async (request, reply) => {
      const scan = await findScan(store, request.params.id);
      if (scan.status !== "done" && scan.status !== "failed") void reply.header("retry-after", "2");
      const since = scan.status === "done" ? ((await sinceLastScan(store, scan)) ?? null) : undefined;
      return scanResource(scan, queue, true, since);
    },
  );

  app.get(
    "/api/v1/scans/:id/events",
    {
      schema: {
        operationId: "scanEvents",
        summary: "Server-sent events: status, progress, findings as they come, done",
        description:
          "Each event's name is its `type`; its data is one JSON object (LiveEvent). The stream starts with the scan's current state and ends after `done`.",
        params: ScanIdParams,
        response: {
          200: body("text/event-stream", "An event stream; each event's data is a LiveEvent.", {
            type: "string",
            "x-item-schema": ref(LiveEventSchema),
          }),
          404: notFound,
          429: error("This client already has too many open streams (too_many_streams).", retryAfter),
          503: error("Too many open streams (too_many_streams).", retryAfter),
        },
      },
    },
    (request, reply) => streamScanEvents(services, request, reply, request.params.id),
  );

  const report = (
    name: "json" | "sarif" | "html",
    operationId: string,
    summary: string,
    type: string,
    content: ReturnType<typeof body>,
    render: (report: Parameters<typeof renderJson>[0], nonce: string) => string,
  ) =>
    app.get(
      `/api/v1/scans/:id/report.${name}`,
      {
        schema: {
          operationId,
          summary,
          params: ScanIdParams,
          response: { 200: content, 404: notFound, 409: notReady },
        },
      },
      async (request, reply) => {
        const { scan, report } = await finishedScan(store, request.params.id);
        return reply
          .type(type)
          .header("content-disposition", `inline; filename="${fileName(scan.url, name)}"`)
          .send(render(report, request.nonce));
      },
    );
  report(
    "json",
    "reportJson",
    "The report as JSON (schemas/report.schema.json)",
    "application/json; charset=utf-8",
    json(ref(ReportSchema), "The report."),
    (report) => renderJson(report),
  );
  report(
    "sarif",
    "reportSarif",
    "The report as SARIF 2.1.0 (GitHub code scanning)",
    "application/sarif+json; charset=utf-8",
    body("application/sarif+json", "SARIF 2.1.0.", { type: "object" }),
    (report) => renderSarif(report),
  );
  report(
    "html",
    "reportHtml",
    "The report as a standalone HTML page",
    "text/html; charset=utf-8",
    body("text/html", "An HTML document."),
    (report, nonce) => renderHtml(report, { nonce }),
  );

  app.get(
    "/api/v1/scans/:id/badge.svg",
    {
      schema: {
        operationId: "badge",
        summary: "An SVG badge with the grade, for a README",
        params: ScanIdParams,
        response: { 200: body("image/svg+xml", "An SVG image."), 404: notFound },
      },
    },
    async (request, reply) => {
      const scan = await findScan(store, request.params.id);
      const grade = scan.status === "done" ? (scan.grade ?? "?") : scan.status === "failed" ? "?" : "…";
      return reply
        .type("image/svg+xml; charset=utf-8")
        .headers({
          // README badges are fetched by image proxies and other sites: this one resource may be embedded.
          "cross-origin-resource-policy": "cross-origin",
          "cache-control": scan.status === "done" ? "public, max-age=300" : "no-cache",
        })
        .send(renderBadge(grade));
    },
  );

  app.post(
    "/api/v1/batches",
    {
      onRequest: requireMediaType("application/json", "Send the body as application/json."),
      schema: {
        operationId: "createBatch",
        summary: "Scan a list of sites",
        description:
          "Each site becomes a scan (one already waiting, running or just done with the same options is joined). The batch takes one scan allowance; its scans wait in the client's lane, served in turn with everyone else's.",
        body: ref(BatchRequest),
        response: {
          202: json(ref(Batch), "Accepted: the batch and its scans.", {
            Location: { type: "string", description: "The batch's URL." },
          }),
          400: error(
            "The body, a URL (its place is named) or an option is invalid (invalid_json, invalid_body, invalid_url, invalid_option, unknown_check, batch_too_large).",
          ),
          413: error("The body is too large (body_too_large)."),
          415: error("The body is not application/json (unsupported_media_type)."),
          422: error("An address may not be scanned (target_not_allowed, port_not_allowed)."),
          429: error("Too many scans from this client (rate_limited, too_many_waiting).", retryAfter),
          503: error("Too many scans are waiting (queue_full).", retryAfter),
        },
      },
    },
    async (request, reply) => {
      const batch = await createBatch(services, request, request.body);
      return reply
        .code(202)
        .header("location", batchLink(batch.id))
        .send(await batchResource(batch, queue));
    },
  );

  app.get(
    "/api/v1/batches/:id",
    {
      schema: {
        operationId: "getBatch",
        summary: "A batch: each site's scan and status, and counts by status",
        params: BatchIdParams,
        response: { 200: json(ref(Batch), "The batch."), 404: error("No batch has this id (not_found).") },
      },
    },
    async (request) => {
      const batch = await store.getBatch(request.params.id);
      if (!batch) throw new HttpError(404, "not_found", "No batch has this id.");
      return batchResource(batch, queue);
    },
  );

  app.get(
    "/api/openapi.json",
    {
      schema: {
        operationId: "openapi",
        summary: "This document",
        response: { 200: json(Type.Object({}), "OpenAPI 3.1.") },
      },
    },
    (_request, reply) => reply.send(app.swagger()),
  );
}

/** amihackable-example.com.json: the host, made safe for a header and a file system. */
function fileName(url: string, extension: string): string {
  const host = new URL(url).hostname.replace(/[^a-z0-9.-]/gi, "_").slice(0, 100);
  return `amihackable-${host}.${extension}`;
}
