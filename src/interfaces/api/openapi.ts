import { readFileSync, writeFileSync } from "node:fs";
import { SEVERITIES } from "../../core/severity.ts";
import { SCAN_STATUSES } from "../../store/scan-record.ts";
import { VERSION } from "../../version.ts";
import { MAX_BUDGET, MAX_TIMEOUT_SECONDS } from "./scan-request.ts";

const REPORT_SCHEMA_FILE = new URL("../../../schemas/report.schema.json", import.meta.url);
export const OPENAPI_FILE = new URL("../../../schemas/openapi.json", import.meta.url);

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object, description: string, headers?: object) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { "application/json": { schema } },
});
const error = (description: string, headers?: object) => json(ref("Error"), description, headers);
const retryAfter = {
  "Retry-After": { description: "Seconds to wait before trying again.", schema: { type: "string" } },
};
const idParameter = {
  name: "id",
  in: "path",
  required: true,
  description: "The scan's id: 128 random bits, base64url.",
  schema: { type: "string", pattern: "^[A-Za-z0-9_-]{22}$" },
};
const nullable = (schema: object) => ({ oneOf: [schema, { type: "null" }] });

/** The report's own JSON Schema (schemas/report.schema.json), embedded so the document stands alone. */
function reportSchema(): object {
  const { $schema: _dialect, ...schema } = JSON.parse(readFileSync(REPORT_SCHEMA_FILE, "utf8")) as Record<
    string,
    unknown
  >;
  return schema;
}

const scanStatus = {
  enum: [...SCAN_STATUSES],
  description:
    "queued: waiting; running; done: the report is ready; failed: an internal error ended it; interrupted: it was running when the server stopped and waits to run again.",
};

/** The OpenAPI 3.1 description of /api: built from the same constants the code validates with. */
export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: "3.1.0",
    info: {
      title: "amihackable API",
      version: VERSION,
      description:
        'Start a scan of a public web address, follow it live, and fetch its report (JSON, SARIF, HTML) and a README badge. Read-only scans of public addresses only; non-default ports are refused unless the operator allows them. Errors are always {"error": {"code", "message"}}.',
      license: { name: "MIT", identifier: "MIT" },
    },
    jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base",
    paths: {
      "/api/v1/scans": {
        post: {
          operationId: "createScan",
          summary: "Start a scan",
          requestBody: { required: true, content: { "application/json": { schema: ref("ScanRequest") } } },
          responses: {
            "202": json(ref("Scan"), "Accepted: the scan is queued.", {
              Location: { description: "The scan's URL.", schema: { type: "string" } },
            }),
            "400": error(
              "The body or an option is invalid (invalid_json, invalid_body, invalid_url, invalid_option, unknown_check).",
            ),
            "413": error("The body is too large (body_too_large)."),
            "415": error("The body is not application/json (unsupported_media_type)."),
            "422": error("The address may not be scanned (target_not_allowed, port_not_allowed)."),
            "429": error("Too many scans from this client (rate_limited).", retryAfter),
            "503": error("Too many scans are waiting (queue_full).", retryAfter),
          },
        },
        get: {
          operationId: "listScans",
          summary: "Scans of one URL, newest first",
          parameters: [
            {
              name: "url",
              in: "query",
              required: true,
              description: "The scanned URL (normalised as on scan).",
              schema: { type: "string" },
            },
          ],
          responses: {
            "200": json(ref("ScanList"), "Up to 20 scans of this URL."),
            "400": error("No or an invalid url (invalid_url)."),
            "429": error("Too many requests (rate_limited).", retryAfter),
          },
        },
      },
      "/api/v1/scans/{id}": {
        get: {
          operationId: "getScan",
          summary: "A scan: status, place in line, progress, and the report once done",
          parameters: [idParameter],
          responses: {
            "200": json(ref("Scan"), "The scan."),
            "404": error("No scan has this id (not_found)."),
          },
        },
      },
      "/api/v1/scans/{id}/events": {
        get: {
          operationId: "scanEvents",
          summary: "Server-sent events: status, progress, findings as they come, done",
          description:
            "Each event's name is its `type`; its data is one JSON object (LiveEvent). The stream starts with the scan's current state and ends after `done`.",
          parameters: [idParameter],
          responses: {
            "200": {
              description: "An event stream.",
              content: {
                "text/event-stream": { schema: { type: "string" }, "x-item-schema": ref("LiveEvent") },
              },
            },
            "404": error("No scan has this id (not_found)."),
            "429": error("This client already has too many open streams (too_many_streams).", retryAfter),
            "503": error("Too many open streams (too_many_streams).", retryAfter),
          },
        },
      },
      "/api/v1/scans/{id}/report.json": {
        get: {
          operationId: "reportJson",
          summary: "The report as JSON (schemas/report.schema.json)",
          parameters: [idParameter],
          responses: {
            "200": json(ref("Report"), "The report."),
            "404": error("No scan has this id (not_found)."),
            "409": error("The scan is not done yet (not_ready) or failed (scan_failed).", retryAfter),
          },
        },
      },
      "/api/v1/scans/{id}/report.sarif": {
        get: {
          operationId: "reportSarif",
          summary: "The report as SARIF 2.1.0 (GitHub code scanning)",
          parameters: [idParameter],
          responses: {
            "200": {
              description: "SARIF 2.1.0.",
              content: { "application/sarif+json": { schema: { type: "object" } } },
            },
            "404": error("No scan has this id (not_found)."),
            "409": error("The scan is not done yet (not_ready) or failed (scan_failed).", retryAfter),
          },
        },
      },
      "/api/v1/scans/{id}/report.html": {
        get: {
          operationId: "reportHtml",
          summary: "The report as a standalone HTML page",
          parameters: [idParameter],
          responses: {
            "200": {
              description: "An HTML document.",
              content: { "text/html": { schema: { type: "string" } } },
            },
            "404": error("No scan has this id (not_found)."),
            "409": error("The scan is not done yet (not_ready) or failed (scan_failed).", retryAfter),
          },
        },
      },
      "/api/v1/scans/{id}/badge.svg": {
        get: {
          operationId: "badge",
          summary: "An SVG badge with the grade, for a README",
          parameters: [idParameter],
          responses: {
            "200": {
              description: "An SVG image.",
              content: { "image/svg+xml": { schema: { type: "string" } } },
            },
            "404": error("No scan has this id (not_found)."),
          },
        },
      },
      "/api/openapi.json": {
        get: {
          operationId: "openapi",
          summary: "This document",
          responses: {
            "200": {
              description: "OpenAPI 3.1.",
              content: { "application/json": { schema: { type: "object" } } },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          additionalProperties: false,
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              additionalProperties: false,
              properties: {
                code: { type: "string", pattern: "^[a-z_]+$", description: "Stable, for programs." },
                message: { type: "string", description: "One sentence, for people." },
              },
            },
          },
        },
        ScanRequest: {
          type: "object",
          required: ["url"],
          additionalProperties: false,
          properties: {
            url: {
              type: "string",
              maxLength: 2048,
              description: "https:// is assumed when no scheme is given.",
            },
            options: {
              type: "object",
              additionalProperties: false,
              properties: {
                only: {
                  type: "array",
                  maxItems: 50,
                  items: { type: "string" },
                  description: "Finding ids or families to run.",
                },
                ignore: {
                  type: "array",
                  maxItems: 50,
                  items: { type: "string" },
                  description: "Finding ids or families to skip.",
                },
                budget: {
                  type: "integer",
                  minimum: 1,
                  maximum: MAX_BUDGET,
                  description: "Most requests to send.",
                },
                timeout: {
                  type: "integer",
                  minimum: 1,
                  maximum: MAX_TIMEOUT_SECONDS,
                  description: "Deadline in seconds.",
                },
              },
            },
          },
        },
        ScanStatus: scanStatus,
        ScanLinks: {
          type: "object",
          required: ["self", "page", "events", "report", "badge"],
          additionalProperties: false,
          properties: {
            self: { type: "string" },
            page: { type: "string", description: "The shareable report page." },
            events: { type: "string" },
            report: {
              type: "object",
              required: ["json", "sarif", "html"],
              additionalProperties: false,
              properties: { json: { type: "string" }, sarif: { type: "string" }, html: { type: "string" } },
            },
            badge: { type: "string" },
          },
        },
        Scan: {
          type: "object",
          required: [
            "id",
            "url",
            "status",
            "position",
            "createdAt",
            "startedAt",
            "finishedAt",
            "progress",
            "grade",
            "error",
            "links",
          ],
          additionalProperties: false,
          properties: {
            id: { type: "string", pattern: "^[A-Za-z0-9_-]{22}$" },
            url: { type: "string" },
            status: ref("ScanStatus"),
            position: nullable({ type: "integer", minimum: 1 }),
            createdAt: { type: "string", format: "date-time" },
            startedAt: nullable({ type: "string", format: "date-time" }),
            finishedAt: nullable({ type: "string", format: "date-time" }),
            progress: nullable({
              type: "object",
              required: ["probe", "title", "sent", "budget"],
              additionalProperties: false,
              properties: {
                probe: nullable({ type: "string" }),
                title: nullable({ type: "string" }),
                sent: { type: "integer", minimum: 0 },
                budget: { type: "integer", minimum: 0 },
              },
            }),
            grade: nullable({ type: "string" }),
            error: nullable({ type: "string" }),
            links: ref("ScanLinks"),
            report: ref("Report"),
          },
        },
        ScanList: {
          type: "object",
          required: ["url", "scans"],
          additionalProperties: false,
          properties: { url: { type: "string" }, scans: { type: "array", items: ref("Scan") } },
        },
        LiveEvent: {
          oneOf: [
            {
              type: "object",
              required: ["type", "status", "position"],
              additionalProperties: false,
              properties: {
                type: { const: "status" },
                status: ref("ScanStatus"),
                position: nullable({ type: "integer", minimum: 1 }),
              },
            },
            {
              type: "object",
              required: ["type", "probe", "title", "sent", "budget", "message", "started", "finished"],
              additionalProperties: false,
              properties: {
                type: { const: "progress" },
                probe: nullable({ type: "string", description: "The probe family started last." }),
                title: nullable({ type: "string" }),
                sent: { type: "integer", minimum: 0, description: "Requests sent so far." },
                budget: { type: "integer", minimum: 0 },
                message: nullable({ type: "string" }),
                started: {
                  type: "array",
                  items: { type: "string" },
                  description: "Probe families started, in order.",
                },
                finished: {
                  type: "array",
                  items: { type: "string" },
                  description: "Probe families finished.",
                },
              },
            },
            {
              type: "object",
              required: ["type", "id", "title", "severity", "url"],
              additionalProperties: false,
              properties: {
                type: { const: "finding" },
                id: { type: "string" },
                title: { type: "string" },
                severity: { enum: [...SEVERITIES] },
                url: { type: "string" },
              },
            },
            {
              type: "object",
              required: ["type", "status", "grade", "error"],
              additionalProperties: false,
              properties: {
                type: { const: "done" },
                status: { enum: ["done", "failed", "interrupted"] },
                grade: nullable({ type: "string" }),
                error: nullable({ type: "string" }),
              },
            },
          ],
        },
        Report: reportSchema(),
      },
    },
  };
}

/** `node src/interfaces/api/openapi.ts` rewrites schemas/openapi.json (a test keeps it in step). */
export function openApiFileText(): string {
  return `${JSON.stringify(openApiDocument(), null, 2)}\n`;
}

if (import.meta.main) {
  writeFileSync(OPENAPI_FILE, openApiFileText());
  console.log(`wrote ${OPENAPI_FILE.pathname}`);
}
