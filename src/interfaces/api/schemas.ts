import { readFileSync } from "node:fs";
import Type, { type Static, type TSchema } from "typebox";
import { SEVERITIES, type Severity } from "../../core/index.ts";
import type { Report } from "../../engine/index.ts";
import type { LiveEvent } from "../../queue/index.ts";
import { SCAN_STATUSES, type ScanStatus } from "../../store/index.ts";
import { MAX_BUDGET, MAX_PATTERNS, MAX_TIMEOUT_SECONDS, MAX_URL_LENGTH } from "./scan-request.ts";
import { packageFile } from "../../package-root.ts";

/**
 * The API's one description. Fastify validates requests with these schemas, handlers are typed by them
 * (TypeBox's Static), and @fastify/swagger builds the OpenAPI 3.1 document from them: shared schemas
 * become components, referenced by `ref()`.
 */

/** A `$ref` to a shared schema that keeps the referenced schema's TypeScript type. */
export function ref<T extends TSchema>(schema: T) {
  const id = (schema as { $id?: unknown }).$id;
  if (typeof id !== "string") throw new Error("ref() needs a schema with an $id");
  return Type.Unsafe<Static<T>>({ $ref: `${id}#` });
}

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const SCAN_ID_PATTERN = "^[A-Za-z0-9_-]{22}$";

export const ErrorBody = Type.Object(
  {
    error: Type.Object(
      {
        code: Type.String({ pattern: "^[a-z_]+$", description: "Stable, for programs." }),
        message: Type.String({ description: "One sentence, for people." }),
      },
      { additionalProperties: false },
    ),
  },
  { $id: "Error", additionalProperties: false },
);
export type ErrorBody = Static<typeof ErrorBody>;

/** The address to scan, shared by the API's body and the page's form. */
export const ScanUrl = Type.String({
  minLength: 1,
  maxLength: MAX_URL_LENGTH,
  description: "The address to scan; https:// is assumed when no scheme is given.",
});

const patterns = (description: string) =>
  Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: MAX_PATTERNS, description });

/** What a scan request may choose, shared by single scans and batches. */
const scanOptionsSchema = () =>
  Type.Object(
    {
      only: Type.Optional(patterns('Finding ids or families to run, e.g. ["cors"].')),
      ignore: Type.Optional(patterns("Finding ids or families to skip.")),
      budget: Type.Optional(
        Type.Integer({ minimum: 1, maximum: MAX_BUDGET, description: "Most requests to send." }),
      ),
      timeout: Type.Optional(
        Type.Integer({ minimum: 1, maximum: MAX_TIMEOUT_SECONDS, description: "Deadline in seconds." }),
      ),
    },
    { additionalProperties: false },
  );

export const ScanRequest = Type.Object(
  {
    url: ScanUrl,
    options: Type.Optional(scanOptionsSchema()),
  },
  { $id: "ScanRequest", additionalProperties: false },
);
export type ScanRequest = Static<typeof ScanRequest>;

export const ScanStatusSchema = Type.Unsafe<ScanStatus>({
  $id: "ScanStatus",
  enum: [...SCAN_STATUSES],
  description:
    "queued: waiting; running; done: the report is ready; failed: an internal error ended it; interrupted: it was running when the server stopped and waits to run again.",
});

export const ScanLinks = Type.Object(
  {
    self: Type.String(),
    page: Type.String({ description: "The shareable report page." }),
    events: Type.String(),
    report: Type.Object(
      { json: Type.String(), sarif: Type.String(), html: Type.String() },
      { additionalProperties: false },
    ),
    badge: Type.String(),
  },
  { $id: "ScanLinks", additionalProperties: false },
);

/** The JSON report's own schema (schemas/report.schema.json), embedded so the document stands alone. */
function reportSchema(): Record<string, unknown> {
  const file = packageFile("schemas/report.schema.json");
  const { $schema: _dialect, ...schema } = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  return schema;
}
export const ReportSchema = Type.Unsafe<Report>(reportSchema());
/** The report schema's public $id, named "Report" among the document's components. */
export const REPORT_SCHEMA_ID = (ReportSchema as { $id?: string }).$id;

/** One finding named in a comparison: enough to list it and to match it (its fingerprint) elsewhere. */
const ComparedFinding = Type.Object(
  {
    fingerprint: Type.String({
      description: "The finding's fingerprint (its id and URL, hashed), as in the report.",
    }),
    id: Type.String(),
    url: Type.String(),
    severity: Type.Unsafe<Severity>({ enum: [...SEVERITIES] }),
    title: Type.String(),
  },
  { additionalProperties: false },
);

export const SinceLastScanSchema = Type.Object(
  {
    previousId: Type.String({ pattern: SCAN_ID_PATTERN, description: "The earlier scan compared with." }),
    previousFinishedAt: Type.String({ format: "date-time" }),
    latest: Type.Boolean({
      description:
        "True when that is the last done scan of the URL before this one; false when the last ones could not be compared (partial, or limited to other checks) and an older one was.",
    }),
    comparedChecks: Type.Integer({
      minimum: 1,
      description: "How many checks both scans ran to the end: only their findings are compared.",
    }),
    sameChecks: Type.Boolean({ description: "True when neither scan ran a check the other did not." }),
    new: Type.Array(ComparedFinding, { description: "Findings this scan has and the earlier one had not." }),
    fixed: Type.Array(ComparedFinding, {
      description: "Findings the earlier scan had and this one has not.",
    }),
    unchanged: Type.Integer({ minimum: 0, description: "Findings both scans have." }),
  },
  {
    $id: "SinceLastScan",
    additionalProperties: false,
    description:
      "What changed since the latest earlier done scan of the same URL that can be fairly compared: both scans complete (not partial or unreachable), counting only findings of checks both ran; at most three earlier scans are tried.",
  },
);

export const Scan = Type.Object(
  {
    id: Type.String({ pattern: SCAN_ID_PATTERN }),
    url: Type.String(),
    status: ref(ScanStatusSchema),
    position: nullable(Type.Integer({ minimum: 1, description: "Place in line while waiting." })),
    createdAt: Type.String({ format: "date-time" }),
    startedAt: nullable(Type.String({ format: "date-time" })),
    finishedAt: nullable(Type.String({ format: "date-time" })),
    progress: nullable(
      Type.Object(
        {
          probe: nullable(Type.String()),
          title: nullable(Type.String()),
          sent: Type.Integer({ minimum: 0 }),
          budget: Type.Integer({ minimum: 0 }),
        },
        { additionalProperties: false },
      ),
    ),
    grade: nullable(Type.String()),
    error: nullable(Type.String()),
    links: ref(ScanLinks),
    report: Type.Optional(ref(ReportSchema)),
    sinceLastScan: Type.Optional(
      Type.Union([ref(SinceLastScanSchema), Type.Null()], {
        description:
          "Only when one done scan is fetched (getScan): the change since an earlier scan of the URL, or null when there is none to compare with (a first scan, or none comparable).",
      }),
    ),
  },
  { $id: "Scan", additionalProperties: false },
);
export type Scan = Static<typeof Scan>;

export const ScanList = Type.Object(
  { url: Type.String(), scans: Type.Array(ref(Scan)) },
  { $id: "ScanList", additionalProperties: false },
);

export const LiveEventSchema = Type.Unsafe<LiveEvent>(
  Type.Union(
    [
      Type.Object(
        {
          type: Type.Literal("status"),
          status: ref(ScanStatusSchema),
          position: nullable(Type.Integer({ minimum: 1 })),
        },
        { additionalProperties: false },
      ),
      Type.Object(
        {
          type: Type.Literal("progress"),
          probe: nullable(Type.String({ description: "The probe family started last." })),
          title: nullable(Type.String()),
          sent: Type.Integer({ minimum: 0, description: "Requests sent so far." }),
          budget: Type.Integer({ minimum: 0 }),
          message: nullable(Type.String()),
          started: Type.Array(Type.String(), { description: "Probe families started, in order." }),
          finished: Type.Array(Type.String(), { description: "Probe families finished." }),
        },
        { additionalProperties: false },
      ),
      Type.Object(
        {
          type: Type.Literal("finding"),
          id: Type.String(),
          title: Type.String(),
          severity: Type.Unsafe<Severity>({ enum: [...SEVERITIES] }),
          url: Type.String(),
        },
        { additionalProperties: false },
      ),
      Type.Object(
        {
          type: Type.Literal("done"),
          status: Type.Union([Type.Literal("done"), Type.Literal("failed"), Type.Literal("interrupted")]),
          grade: nullable(Type.String()),
          error: nullable(Type.String()),
        },
        { additionalProperties: false },
      ),
    ],
    { $id: "LiveEvent" },
  ),
);

export const ScanIdParams = Type.Object({
  id: Type.String({ pattern: SCAN_ID_PATTERN, description: "The scan's id: 128 random bits, base64url." }),
});

export const ScanListQuery = Type.Object({
  url: Type.String({ minLength: 1, description: "The scanned URL (normalised as on scan)." }),
});

/** The most URLs one batch may list (the operator's AMIHACKABLE_MAX_BATCH may set fewer). */
export const MAX_BATCH_URLS = 1000;

export const BatchRequest = Type.Object(
  {
    urls: Type.Array(ScanUrl, {
      minItems: 1,
      maxItems: MAX_BATCH_URLS,
      description: "The sites to scan; duplicates (after normalising) are scanned once.",
    }),
    options: Type.Optional(scanOptionsSchema()),
  },
  { $id: "BatchRequest", additionalProperties: false },
);
export type BatchRequest = Static<typeof BatchRequest>;

export const Batch = Type.Object(
  {
    id: Type.String({ pattern: SCAN_ID_PATTERN }),
    createdAt: Type.String({ format: "date-time" }),
    total: Type.Integer({ minimum: 1, description: "Sites in the batch, duplicates removed." }),
    counts: Type.Object(
      Object.fromEntries(SCAN_STATUSES.map((status) => [status, Type.Integer({ minimum: 0 })])) as Record<
        ScanStatus,
        ReturnType<typeof Type.Integer>
      >,
      { additionalProperties: false, description: "How many of its scans are in each status." },
    ),
    scans: Type.Array(ref(Scan), { description: "One scan per site, in the order the list gave them." }),
    links: Type.Object({ self: Type.String() }, { additionalProperties: false }),
  },
  { $id: "Batch", additionalProperties: false },
);
export type Batch = Static<typeof Batch>;

export const BatchIdParams = Type.Object({
  id: Type.String({ pattern: SCAN_ID_PATTERN, description: "The batch's id: 128 random bits, base64url." }),
});

/** Every shared schema, registered with Fastify (validation) and so listed under components.schemas. */
export const SHARED_SCHEMAS: readonly TSchema[] = [
  ErrorBody,
  ScanRequest,
  ScanStatusSchema,
  ScanLinks,
  ReportSchema,
  SinceLastScanSchema,
  Scan,
  ScanList,
  LiveEventSchema,
  BatchRequest,
  Batch,
];
