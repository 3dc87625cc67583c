import type { FastifySchemaValidationError } from "fastify";
import { HttpError } from "../server/index.ts";

/**
 * A schema's refusal in the API's words. The code says which part was wrong (the body as a whole, the
 * URL, an option; an id that cannot be one is simply not found); the message names the field, what the
 * schema wanted and the field's own description. The schemas (schemas.ts) decide; this only words it.
 */
export function validationError(context: string, errors: readonly FastifySchemaValidationError[]): HttpError {
  if (context === "params") return new HttpError(404, "not_found", "No scan has this id.");
  const error = errors[0];
  if (!error) return new HttpError(400, "invalid_body", "The request is invalid.");
  const missing = error.keyword === "required" ? String(error.params.missingProperty) : undefined;
  const path = [...error.instancePath.split("/").slice(1), ...(missing ? [missing] : [])];
  const field = path.join(".");
  if (context === "querystring")
    return new HttpError(
      400,
      "invalid_url",
      "Give the URL whose scans to list: /api/v1/scans?url=https://example.com",
    );
  if (path[0] === "url")
    return new HttpError(
      400,
      "invalid_url",
      missing
        ? 'Give the address to scan in "url", e.g. "https://example.com".'
        : `"url" ${error.message ?? "is invalid"}.`,
    );
  if (path[0] === "options") return new HttpError(400, "invalid_option", sentence(field, error));
  if (error.keyword === "type" && path.length === 0)
    return new HttpError(
      400,
      "invalid_body",
      'The body must be a JSON object such as {"url": "https://example.com"}.',
    );
  return new HttpError(400, "invalid_body", sentence(field, error));
}

function sentence(field: string, error: FastifySchemaValidationError): string {
  const parent = (error as { parentSchema?: { description?: string; properties?: object } }).parentSchema;
  if (error.keyword === "additionalProperties") {
    const extra = String(error.params.additionalProperty);
    const known = parent?.properties ? Object.keys(parent.properties).join(", ") : "";
    return `Unknown ${field ? `field in "${field}"` : "field"}: ${extra}.${known ? ` Known: ${known}.` : ""}`;
  }
  const described = parent?.description ? ` (${parent.description.replace(/\.$/, "")})` : "";
  return `"${field || "body"}" ${error.message ?? "is invalid"}${described}.`;
}
