import { bodyText, type Exchange, mimeType } from "../../core/index.ts";

export interface ApiDocs {
  /** "OpenAPI 3.0.3", "Swagger 2.0", "Swagger UI", "Redoc" */
  format: string;
  title?: string;
  version?: string;
  /** Number of paths the schema documents, when it could be read whole. */
  paths?: number;
}

const SPEC_VERSION = /"(openapi|swagger)"\s*:\s*"(3\.\d+(?:\.\d+)?|2\.0)"/;

/**
 * A public API description: an OpenAPI/Swagger JSON document (version field and a paths object), or an
 * HTML page that boots Swagger UI or Redoc. Judged by content, never by the path or status alone.
 */
export function apiDocs(exchange: Exchange): ApiDocs | undefined {
  const response = exchange.response;
  if (!response) return undefined;
  const text = bodyText(response);
  const type = mimeType(response.headers);
  const start = text.trimStart();
  if (start.startsWith("{")) return openApiDocument(start, response.truncated !== undefined);
  if (type === "text/html" || start.startsWith("<")) {
    if (/swagger-ui-bundle\.js|SwaggerUIBundle\s*\(|swagger-ui-standalone-preset/.test(text))
      return { format: "Swagger UI" };
    if (/<redoc[\s>]|redoc\.standalone\.js|Redoc\.init\s*\(/.test(text)) return { format: "Redoc" };
  }
  return undefined;
}

function openApiDocument(text: string, truncated: boolean): ApiDocs | undefined {
  const head = text.slice(0, 64 * 1024);
  const version = SPEC_VERSION.exec(head);
  if (!version || !/"paths"\s*:\s*\{/.test(text)) return undefined;
  const format = `${version[1] === "openapi" ? "OpenAPI" : "Swagger"} ${version[2]}`;
  if (truncated) return { format };
  try {
    const document = JSON.parse(text) as { info?: { title?: unknown; version?: unknown }; paths?: unknown };
    if (typeof document.paths !== "object" || document.paths === null) return undefined;
    return {
      format,
      ...(typeof document.info?.title === "string" ? { title: document.info.title.slice(0, 120) } : {}),
      ...(typeof document.info?.version === "string" ? { version: document.info.version.slice(0, 40) } : {}),
      paths: Object.keys(document.paths).length,
    };
  } catch {
    return { format };
  }
}
